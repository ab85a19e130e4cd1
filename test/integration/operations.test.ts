import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
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
