import http from 'node:http'
import type { AddressInfo } from 'node:net'
import v8 from 'node:v8'
import vm from 'node:vm'
import type { Express } from 'express'
import { csrfFrom, PASSWORD } from '../../support/test-app'

/** Requests over a real socket, for what supertest cannot do: huge bodies sent many at once, and timing. */

export interface Listening {
  port: number
  close(): Promise<void>
}

export async function listen(app: Express): Promise<Listening> {
  const server = http.createServer(app)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export interface Sent {
  status: number
  body: string
  ms: number
}

/** Sends one request and reads the whole answer; `chunked` leaves out Content-Length. */
export function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
  chunked = false,
): Promise<Sent> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { ...headers, ...(body && !chunked ? { 'Content-Length': String(body.length) } : {}) },
      },
      response => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        )
      },
    )
    // The server may answer and close before the whole body is sent: that is a refusal, not a failure.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: -1, body: '', ms: 0 })
      else reject(error)
    })
    request.end(body)
  })
}

const cookieOf = (setCookie: string[] | undefined): string => (setCookie ?? []).map(c => c.split(';')[0]).join('; ')

/** A signed-in browser session over the socket: its cookie and its CSRF token. */
export async function signInOver(port: number, email: string): Promise<{ cookie: string; csrf: string }> {
  const get = (path: string, cookie: string) =>
    new Promise<{ cookie: string; body: string }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, agent: false, headers: { Cookie: cookie } }, response => {
          const chunks: Buffer[] = []
          response.on('data', (c: Buffer) => chunks.push(c))
          response.on('end', () =>
            resolve({
              cookie: cookieOf(response.headers['set-cookie']) || cookie,
              body: Buffer.concat(chunks).toString(),
            }),
          )
        })
        .on('error', reject)
    })
  const login = await get('/login', '')
  const form = new URLSearchParams({ _csrf: csrfFrom(login.body), email, password: PASSWORD }).toString()
  const cookie = await new Promise<string>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/login',
        agent: false,
        headers: { Cookie: login.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      },
      response => {
        response.resume()
        if (response.statusCode !== 302) reject(new Error(`sign-in as ${email} answered ${response.statusCode}`))
        resolve(cookieOf(response.headers['set-cookie']) || login.cookie)
      },
    )
    request.on('error', reject)
    request.end(form)
  })
  const home = await get('/', cookie)
  return { cookie: home.cookie, csrf: csrfFrom(home.body) }
}

/** A multipart body: the fields in the order given, then the file. */
export function multipartBody(
  fields: [string, string | Buffer][],
  file?: { field: string; name: string; content: Buffer },
): { body: Buffer; contentType: string } {
  const boundary = `----ldm${Date.now()}`
  const parts: Buffer[] = []
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`))
    parts.push(Buffer.isBuffer(value) ? value : Buffer.from(value), Buffer.from('\r\n'))
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.content,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** The process's resident memory in MB, after a full collection where one can be asked for. */
export async function residentMb(): Promise<number> {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as (() => void) | undefined
  for (let i = 0; i < 3; i++) {
    gc?.()
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return process.memoryUsage().rss / 1024 / 1024
}

/** Runs `count` tasks, `concurrency` at a time. */
export async function inBatches<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++
        results[i] = await task(i)
      }
    }),
  )
  return results
}
