import request from 'supertest'
import pino from 'pino'
import { createApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { createTestApp, signIn, type TestApp } from '../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('security headers', () => {
  it('forbid inline script, framing and plugins', async () => {
    const response = await request(t.app).get('/login').expect(200)
    const csp = response.headers['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(response.headers['referrer-policy']).toBe('same-origin')
    expect(response.headers['x-powered-by']).toBeUndefined()
  })

  it('keep what a signed-in user is shown out of every cache, the page and the API alike', async () => {
    const { agent } = await signIn(t.app, (await t.createUser('analyst')).email)
    for (const path of ['/', '/api/v1/rounds']) {
      const response = await agent.get(path).expect(200)
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.headers.etag).toBeUndefined()
    }
  })

  it('put no inline script on the page', async () => {
    const response = await request(t.app).get('/login')
    const scripts = response.text.match(/<script[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toMatch(/src="\/(public|assets)\//)
    expect(response.text).not.toMatch(/<script[^>]*>[^<]+<\/script>/)
    expect(response.text).not.toMatch(/\son[a-z]+="/)
  })

  it('mark the session cookie Secure and send HSTS in production', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://unused/db',
      SESSION_SECRET: 'a-production-secret-that-is-long-enough',
      PUBLIC_URL: 'https://ldm.example.gov.uk',
      TRUST_PROXY: '1',
    })
    const app = createApp({ config, services: t.services, logger: pino({ level: 'silent' }) })
    const response = await request(app).get('/login').set('X-Forwarded-Proto', 'https').expect(200)
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';')
    expect(cookie).toMatch(/ldm\.sid=.*Secure/)
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/)
    expect(response.text).not.toContain('Demo data')
  })
})
