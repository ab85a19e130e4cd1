import type { Request, Response } from 'express'
import { ALL_ROLES, CENTRAL_ROLES, isCentralRole } from '../../domain/roles'
import type { Organisation } from '../../domain/organisation'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import type { Services } from '../../services'
import { registersView, registerView } from '../../presenters/estate/register.presenter'
import { paths, patterns } from '../../paths'
import { route, type RouteDefinition } from '../route-table'
import { estateEntryRoutes } from './entries.routes'
import { estateImportRoutes } from './import.routes'
import { slugFor } from './estate-request'

export function estateRoutes(services: Services): RouteDefinition[] {
  async function renderRegister(req: Request, res: Response, organisation: Organisation) {
    const user = signedInUser(req)
    const entries = await services.estate.list(user, { slug: organisation.slug })
    const ratings = await services.estate.ratingSummariesFor(entries.map(e => e.id))
    const respondent = user.role === 'respondent'
    await renderPage(res, 'estate/register', {
      title: respondent ? 'Your systems' : `${organisation.name}: systems`,
      view: registerView({
        respondent,
        organisation,
        slug: slugFor(user, organisation),
        canWrite: services.estate.mayWrite(user, organisation.id),
        entries,
        ratings,
      }),
    })
  }

  return [
    route('get', paths.estate, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      if (isCentralRole(user.role)) {
        return renderPage(res, 'estate/registers', {
          title: 'Authorities’ systems',
          view: registersView(await services.estate.counts(), user.role === 'admin'),
        })
      }
      await renderRegister(req, res, await services.estate.writable(user))
    }),
    route('get', patterns.estateOrganisation, CENTRAL_ROLES, async (req, res) => {
      await renderRegister(req, res, await services.estate.organisation(signedInUser(req), String(req.params.slug)))
    }),
    ...estateImportRoutes(services),
    ...estateEntryRoutes(services),
  ]
}
