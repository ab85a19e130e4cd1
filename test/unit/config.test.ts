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

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/ldm',
  SESSION_SECRET: 's'.repeat(40),
  PUBLIC_URL: 'https://ldm.example.gov.uk',
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

  it('demands a real session secret, PostgreSQL and the public address in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'SESSION_SECRET must be set to at least 32 characters in production',
      'DATABASE_URL must be set in production: the embedded database is for trying the service out',
      'PUBLIC_URL must be set in production: it is the address in every link sent to people',
    ])
  })

  it('never lets demo accounts into production', () => {
    expect(
      problemsOf({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/ldm',
        SESSION_SECRET: 's'.repeat(40),
        PUBLIC_URL: 'https://ldm.example.gov.uk',
        DEMO_DATA: '1',
      }),
    ).toEqual([
      'DEMO_DATA=1 is refused with NODE_ENV=production and DATABASE_URL: demo accounts never reach production',
    ])
    expect(loadConfig({ ...PRODUCTION }).demoData).toBe(false)
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

  describe('stack traces in error responses (issue 14, finding 9)', () => {
    it('are off by default in every environment, the demo included', () => {
      expect(loadConfig({}).debugErrors).toBe(false)
      expect(loadConfig({ NODE_ENV: 'development' }).debugErrors).toBe(false)
      expect(loadConfig({ NODE_ENV: 'test' }).debugErrors).toBe(false)
      expect(loadConfig(PRODUCTION).debugErrors).toBe(false)
    })

    it('are on only when DEBUG_ERRORS is set', () => {
      expect(loadConfig({ DEBUG_ERRORS: '1' }).debugErrors).toBe(true)
      expect(loadConfig({ DEBUG_ERRORS: '0' }).debugErrors).toBe(false)
      expect(problemsOf({ DEBUG_ERRORS: 'please' })).toEqual([
        'DEBUG_ERRORS must be 1 or 0 (true or false), but is "please"',
      ])
    })

    it('are refused in production', () => {
      expect(problemsOf({ ...PRODUCTION, DEBUG_ERRORS: '1' })).toEqual([
        'DEBUG_ERRORS=1 is refused with NODE_ENV=production: stack traces show the server to anyone',
      ])
      expect(loadConfig({ ...PRODUCTION, DEBUG_ERRORS: '0' }).debugErrors).toBe(false)
    })
  })

  describe('the public address in links sent to people', () => {
    it('is this machine on the port served, outside production', () => {
      expect(loadConfig({}).publicUrl).toBe('http://localhost:3000')
      expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080')
    })

    it.each([
      ['https://ldm.example.gov.uk', 'https://ldm.example.gov.uk'],
      ['https://ldm.example.gov.uk/', 'https://ldm.example.gov.uk'],
      ['http://localhost:3000///', 'http://localhost:3000'],
      ['HTTPS://LDM.Example.gov.uk:443/maturity/', 'https://ldm.example.gov.uk/maturity'],
    ])('takes %j as %j', (raw, expected) => {
      expect(loadConfig({ PUBLIC_URL: raw }).publicUrl).toBe(expected)
      expect(loadConfig({ ...PRODUCTION, PUBLIC_URL: raw }).publicUrl).toBe(expected)
    })

    it.each([
      'ldm.example.gov.uk',
      '/invitations',
      'ftp://ldm.example.gov.uk',
      'javascript:alert(1)',
      'https://ldm.example.gov.uk/?from=env',
      'https://ldm.example.gov.uk/#top',
      'https://someone:secret@ldm.example.gov.uk',
      'https://',
    ])('refuses %j', raw => {
      expect(problemsOf({ PUBLIC_URL: raw })).toEqual([
        `PUBLIC_URL must be an absolute http:// or https:// address with no query, fragment or password, but is "${raw}"`,
      ])
    })
  })
})
