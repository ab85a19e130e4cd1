import path from 'node:path'

export type Environment = 'development' | 'test' | 'production'

export interface Config {
  env: Environment
  port: number
  host: string
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  databaseUrl: string | undefined
  pgliteDir: string
  sessionSecret: string
  sessionIdleMinutes: number
  sessionWarningMinutes: number
  demoData: boolean
  demoPassword: string
  logLevel: string
  trustProxy: boolean
  /** The fewest organisations behind any London figure shown to a respondent. */
  disclosureMinimum: number
  /** Stack traces in error pages and API errors: only when DEBUG_ERRORS is set, and never in production. */
  debugErrors: boolean
  /**
   * The address people reach the service at, with no trailing slash: every link sent to people is built
   * on it, never on the request's Host header, which whoever sends the request chooses.
   */
  publicUrl: string
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map(p => `  - ${p}`).join('\n')}`)
  }
}

type Env = Record<string, string | undefined>

const DEV_SESSION_SECRET = 'development-only-session-secret-do-not-use-in-production'

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, but is "${raw}"`)
    return fallback
  }
  return value
}

function flag(env: Env, name: string, problems: string[]): boolean | undefined {
  const raw = env[name]
  if (raw === undefined || raw === '') return undefined
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false
  problems.push(`${name} must be 1 or 0 (true or false), but is "${raw}"`)
  return undefined
}

/**
 * An absolute http(s) address with no query, fragment or credentials, its trailing slashes dropped so a
 * path can follow it. Undefined (with a problem listed) when it is not one.
 */
function publicAddress(raw: string, problems: string[]): string | undefined {
  let url: URL | undefined
  try {
    url = new URL(raw)
  } catch {
    url = undefined
  }
  if (
    url === undefined ||
    !['http:', 'https:'].includes(url.protocol) ||
    url.hostname === '' ||
    /[?#]/.test(raw) ||
    url.username !== '' ||
    url.password !== ''
  ) {
    problems.push(
      `PUBLIC_URL must be an absolute http:// or https:// address with no query, fragment or password, but is "${raw}"`,
    )
    return undefined
  }
  return url.href.replace(/\/+$/, '')
}

/** Reads and checks every setting at once, so a bad deployment fails at start-up with the whole list. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const rawEnv = env.NODE_ENV ?? 'development'
  if (!['development', 'test', 'production'].includes(rawEnv)) {
    problems.push(`NODE_ENV must be development, test or production, but is "${rawEnv}"`)
  }
  const envName = (['development', 'test', 'production'].includes(rawEnv) ? rawEnv : 'development') as Environment
  const production = envName === 'production'

  const databaseUrl = env.DATABASE_URL === '' ? undefined : env.DATABASE_URL
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://')
  }

  const sessionSecret = env.SESSION_SECRET ?? ''
  if (production && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be set to at least 32 characters in production')
  } else if (sessionSecret !== '' && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters long')
  }

  const demoFlag = flag(env, 'DEMO_DATA', problems)
  if (demoFlag === true && production && databaseUrl !== undefined) {
    problems.push(
      'DEMO_DATA=1 is refused with NODE_ENV=production and DATABASE_URL: demo accounts never reach production',
    )
  }
  const demoData = demoFlag ?? databaseUrl === undefined
  if (production && databaseUrl === undefined) {
    problems.push('DATABASE_URL must be set in production: the embedded database is for trying the service out')
  }

  const sessionIdleMinutes = wholeNumber(env, 'SESSION_IDLE_MINUTES', 30, 2, 24 * 60, problems)
  const sessionWarningMinutes = wholeNumber(env, 'SESSION_WARNING_MINUTES', 5, 1, 60, problems)
  if (sessionWarningMinutes >= sessionIdleMinutes) {
    problems.push('SESSION_WARNING_MINUTES must be less than SESSION_IDLE_MINUTES')
  }

  const debugErrors = flag(env, 'DEBUG_ERRORS', problems) ?? false
  if (debugErrors && production) {
    problems.push('DEBUG_ERRORS=1 is refused with NODE_ENV=production: stack traces show the server to anyone')
  }

  const port = wholeNumber(env, 'PORT', 3000, 0, 65535, problems)
  const rawPublicUrl = env.PUBLIC_URL ?? ''
  if (production && rawPublicUrl === '') {
    problems.push('PUBLIC_URL must be set in production: it is the address in every link sent to people')
  }
  const publicUrl =
    (rawPublicUrl === '' ? undefined : publicAddress(rawPublicUrl, problems)) ?? `http://localhost:${port}`

  const config: Config = {
    env: envName,
    port,
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    pgliteDir: path.resolve(env.PGLITE_DIR ?? path.join('data', 'pglite')),
    sessionSecret: sessionSecret === '' ? DEV_SESSION_SECRET : sessionSecret,
    sessionIdleMinutes,
    sessionWarningMinutes,
    demoData,
    demoPassword: env.DEMO_PASSWORD ?? 'demo-password',
    logLevel: env.LOG_LEVEL ?? (envName === 'test' ? 'silent' : 'info'),
    trustProxy: flag(env, 'TRUST_PROXY', problems) ?? false,
    disclosureMinimum: wholeNumber(env, 'DISCLOSURE_MINIMUM', 5, 2, 100, problems),
    debugErrors,
    publicUrl,
  }
  if (config.demoPassword.length < 8) problems.push('DEMO_PASSWORD must be at least 8 characters long')
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, but is "${config.logLevel}"`,
    )
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}
