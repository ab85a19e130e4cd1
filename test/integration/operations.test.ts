import { spawn, spawnSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import request from 'supertest'
import { createApp } from '../../src/app'
import { createLogger } from '../../src/middleware/logging'
import { createTestApp, csrfFrom, PASSWORD, signIn, type TestApp } from '../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('request logs', () => {
  it('are structured JSON, and never hold a password, a cookie, a CSRF token or an invitation link', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean))
        done()
      },
    })
    const app = createApp({ config: t.config, services: t.services, logger: createLogger('info', sink) })
    const admin = await t.createUser('admin')
    const { agent, csrf } = await signIn(app, admin.email)
    const invited = await agent
      .post('/admin/users/new')
      .type('form')
      .send({ _csrf: csrf, name: 'Log Test', email: 'log@test.local', role: 'analyst' })
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(invited.text)?.[1] ?? ''
    expect(token).not.toBe('')
    const visitor = await agent.get(`/invitations/${token}`)
    expect(csrfFrom(visitor.text)).toBeTruthy()
    await agent.get('/no-such-page').expect(404)

    expect(lines.length).toBeGreaterThanOrEqual(4)
    const entries = lines.map(
      l =>
        JSON.parse(l) as {
          level: number
          req?: { method: string; url: string }
          res?: { statusCode: number }
          responseTime?: number
        },
    )
    expect(entries.some(e => e.req?.method === 'POST' && e.req.url === '/login' && e.res?.statusCode === 302)).toBe(
      true,
    )
    expect(entries.some(e => e.req?.url === '/invitations/[redacted]')).toBe(true)
    // A refusal is a warning (pino's 40), and every line says how long its request took.
    expect(entries.find(e => e.req?.url === '/no-such-page')).toMatchObject({ level: 40, res: { statusCode: 404 } })
    expect(entries.filter(e => e.req).every(e => typeof e.responseTime === 'number')).toBe(true)
    const all = lines.join('\n')
    for (const secret of [PASSWORD, csrf, token, 'ldm.sid=']) expect(all).not.toContain(secret)
  })
})

describe('request ids', () => {
  const logged = () => {
    const lines: Record<string, unknown>[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>)
        done()
      },
    })
    return { lines, logger: createLogger('info', sink) }
  }

  it('names every request: a given X-Request-Id is kept, anything else gets a new UUID, sent back', async () => {
    const app = createApp({ config: t.config, services: t.services, logger: logged().logger })
    const fresh = await request(app).get('/login').expect(200)
    expect(fresh.headers['x-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    const other = await request(app).get('/login').expect(200)
    expect(other.headers['x-request-id']).not.toBe(fresh.headers['x-request-id'])
    await request(app).get('/login').set('X-Request-Id', 'lb-1234.abcd').expect('X-Request-Id', 'lb-1234.abcd')
    // Text that could forge a log line, or too long to be an id, is not taken.
    for (const hostile of ['a"b', 'x'.repeat(200), 'id with spaces']) {
      const answer = await request(app).get('/login').set('X-Request-Id', hostile)
      expect(answer.headers['x-request-id']).not.toBe(hostile)
    }
  })

  it('is on the access log line and on every error report of that request', async () => {
    const { lines, logger } = logged()
    const away = Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' })
    const sessions = { ...t.services.sessions, getWithUser: () => Promise.reject(away) }
    const app = createApp({ config: t.config, services: { ...t.services, sessions }, logger })
    const signature = createHmac('sha256', t.config.sessionSecret)
      .update('some-sid')
      .digest('base64')
      .replace(/=+$/, '')
    await request(app)
      .get('/')
      .set('Cookie', `ldm.sid=${encodeURIComponent(`s:some-sid.${signature}`)}`)
      .set('X-Request-Id', 'trace-503')
      .expect(503)
    const access = lines.find(l => (l.req as { id?: string } | undefined)?.id === 'trace-503')
    expect(access).toMatchObject({ res: { statusCode: 503 } })
    // The report of why it failed names the same request.
    const report = lines.find(l => l.reqId === 'trace-503' && l.reason === away.message)
    expect(report).toBeDefined()
  })
})

describe('the server process', () => {
  it('starts on the embedded database, refuses a tool beside it, then on SIGTERM finishes, closes the database and lets go of its lock', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ldm-server-')), 'pglite')
    const root = path.resolve(__dirname, '..', '..')
    const server = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PGLITE_DIR: dataDir,
        PORT: '0',
        DATABASE_URL: '',
        NODE_OPTIONS: '',
        LOG_LEVEL: 'silent',
        DEMO_DATA: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000)
      server.stdout.on('data', () => {
        const match = /running at (http:\/\/\S+)/.exec(output)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
    })
    expect(output).toContain('DEMO DATA')
    expect(output).toContain('admin@demo.local')
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(true)
    const health = await fetch(`${url}/healthz`)
    expect(await health.json()).toEqual({ status: 'ok' })
    // A command-line tool run beside it refuses, naming the server.
    const cli = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/migrate.ts'], {
      cwd: root,
      env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: '', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(cli.status).toBe(1)
    expect(cli.stderr).toMatch(/already open in another process \(pid \d+, server\.ts, on .*try again in \d+ seconds/)

    const exit = new Promise<number | null>(resolve => server.on('exit', code => resolve(code)))
    server.kill('SIGTERM')
    expect(await exit).toBe(0)
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false)
    expect(fs.existsSync(`${dataDir}.lock-holder.json`)).toBe(false)
  })
})
