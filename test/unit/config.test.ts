import { ConfigError, loadConfig } from '../../src/config'

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('configuration', () => {
  it('runs a new user on the embedded database with demo data and sensible defaults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: undefined,
      demoData: true,
      demoPassword: 'demo-password',
    })
    expect(config.pgliteDir).toMatch(/data[/\\]pglite$/)
  })

  it('turns demo data off by default on PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x' }).demoData).toBe(false)
  })

  it('lists every problem at once, naming the setting', () => {
    expect(
      problemsOf({ PORT: 'eighty', SESSION_IDLE_MINUTES: '0', DEMO_DATA: 'maybe', DATABASE_URL: 'mysql://x' }),
    ).toEqual([
      'DATABASE_URL must start with postgres:// or postgresql://',
      'DEMO_DATA must be 1 or 0 (true or false), but is "maybe"',
      'SESSION_IDLE_MINUTES must be a whole number from 2 to 1440, but is "0"',
      'PORT must be a whole number from 0 to 65535, but is "eighty"',
    ])
  })

  it('demands a real session secret and PostgreSQL in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'SESSION_SECRET must be set to at least 32 characters in production',
      'DATABASE_URL must be set in production: the embedded database is for trying the service out',
    ])
  })

  it('never lets demo accounts into production', () => {
    expect(
      problemsOf({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/ldm',
        SESSION_SECRET: 's'.repeat(40),
        DEMO_DATA: '1',
      }),
    ).toEqual([
      'DEMO_DATA=1 is refused with NODE_ENV=production and DATABASE_URL: demo accounts never reach production',
    ])
    expect(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ldm', SESSION_SECRET: 's'.repeat(40) })
        .demoData,
    ).toBe(false)
  })

  it('keeps the timeout warning inside the idle timeout', () => {
    expect(problemsOf({ SESSION_IDLE_MINUTES: '5', SESSION_WARNING_MINUTES: '5' })).toEqual([
      'SESSION_WARNING_MINUTES must be less than SESSION_IDLE_MINUTES',
    ])
  })

  it('withholds London figures behind fewer than five organisations unless told otherwise', () => {
    expect(loadConfig({}).disclosureMinimum).toBe(5)
    expect(loadConfig({ DISCLOSURE_MINIMUM: '10' }).disclosureMinimum).toBe(10)
    expect(problemsOf({ DISCLOSURE_MINIMUM: '1' })).toEqual([
      'DISCLOSURE_MINIMUM must be a whole number from 2 to 100, but is "1"',
    ])
  })
})
