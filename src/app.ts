import path from 'node:path'
import ejs from 'ejs'
import express, { type Express, type RequestHandler } from 'express'
import type { Logger } from 'pino'
import type { Config } from './config'
import { bearerTokens, browserOnly } from './middleware/bearer-token'
import { verifyCsrf } from './middleware/csrf'
import { loadCurrentUser } from './middleware/current-user'
import { errorHandler, notFound } from './middleware/errors'
import { siteLocals, userLocals } from './middleware/locals'
import { createLogger, requestLogging } from './middleware/logging'
import { privateResponses } from './middleware/private-responses'
import { securityHeaders } from './middleware/security'
import { sessions } from './middleware/web-session'
import { DatabaseSessionStore } from './data/session.store'
import { refuseUnstorableText } from './middleware/unstorable-text'
import { paths } from './paths'
import { PROJECT_ROOT } from './project-root'
import { SESSION_COOKIE } from './routes/account/sign-in.routes'
import { healthRoutes } from './routes/site/health.routes'
import { routeTable } from './routes'
import { mountRoutes } from './routes/route-table'
import type { Services } from './services'

export const SERVICE_NAME = 'London Digital Maturity'
const JSON_LIMIT = '100kb'
// Forms may carry a pasted questionnaire definition, which runs to tens of kilobytes.
const FORM_LIMIT = '1mb'

export interface AppDependencies {
  config: Config
  services: Services
  logger?: Logger
}

function setUpStaticFiles(app: Express, production: boolean): void {
  const options = { maxAge: production ? '1h' : 0, index: false, fallthrough: true }
  const govukJs = require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.js')
  app.get('/assets/govuk-frontend.min.js', (_req, res) => res.sendFile(govukJs, { maxAge: options.maxAge }))
  const chartJs = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js')
  app.get(paths.chartJs, (_req, res) => res.sendFile(chartJs, { maxAge: options.maxAge }))
  app.use('/public', express.static(path.join(PROJECT_ROOT, 'public'), options))
}

function setUpSessions(app: Express, config: Config, services: Services): RequestHandler[] {
  if (config.trustProxy) app.set('trust proxy', 1)
  const idleMs = config.sessionIdleMinutes * 60_000
  return sessions({
    cookieName: SESSION_COOKIE,
    secret: config.sessionSecret,
    secure: config.env === 'production',
    store: new DatabaseSessionStore(services.sessions, { idleMs, now: services.clock }),
  })
}

/** Builds the whole app from its dependencies; it opens no port and touches nothing at import. */
export function createApp({ config, services, logger = createLogger(config.logLevel) }: AppDependencies): Express {
  const app = express()
  const production = config.env === 'production'
  app.disable('x-powered-by')
  // Pages for signed-in users are never stored (privateResponses), so a hash of each for revalidation
  // would be work for nothing; static files keep theirs.
  app.set('etag', false)
  app.set('views', path.join(PROJECT_ROOT, 'views'))
  app.set('view engine', 'ejs')
  // Templates are read once except while someone may be editing them.
  const cache = config.env !== 'development'
  if (cache) app.enable('view cache')
  // Includes are written from the views folder ('/partials/header'), so EJS finds them without asking
  // the disk whether each one exists, every time it is included.
  const root = path.join(PROJECT_ROOT, 'views')
  app.engine('ejs', (file, data, done) => {
    ejs.renderFile(file, data as ejs.Data, { root, views: [root], cache }, done)
  })

  const locals = {
    serviceName: SERVICE_NAME,
    demoMode: config.demoData,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionWarningMinutes: config.sessionWarningMinutes,
  }
  app.use(requestLogging(logger))
  mountRoutes(app, healthRoutes(services))
  app.use(securityHeaders(production))
  app.use(siteLocals(locals))
  setUpStaticFiles(app, production)
  app.use(express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 1000 }))
  app.use(express.json({ limit: JSON_LIMIT }))
  app.use(bearerTokens(services.tokens))
  app.use(
    browserOnly(
      ...setUpSessions(app, config, services),
      loadCurrentUser(services.auth),
      userLocals(locals),
      verifyCsrf,
    ),
  )
  app.use(privateResponses)
  // After sign-in and CSRF checks, so a stranger is refused as one before their text is looked at.
  app.use(refuseUnstorableText)
  mountRoutes(app, routeTable(services, { publicUrl: config.publicUrl }))
  app.use(notFound)
  app.use(errorHandler(logger, config.debugErrors))
  return app
}
