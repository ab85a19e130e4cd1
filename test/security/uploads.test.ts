/**
 * Multipart bodies are read only by the routes that take a file, only for people whose role may use that
 * route, and only after the CSRF token: anyone else's 20 MB is refused without being held in memory.
 * Each barrage is the one that once took the process from 543 MB to 1,009 MB: 48 requests, 16 at once,
 * each of 20 fields of 1 MB and a 1 MB file.
 */
import http from 'node:http'
import { paths } from '../../src/paths'
import { createTestApp, type TestApp } from '../support/test-app'
import {
  inBatches,
  listen,
  multipartBody,
  residentMb,
  send,
  signInOver,
  type Listening,
  type Sent,
} from './support/raw-http'

const MB = 1024 * 1024
/** Growth allowed while and after a barrage: buffering it held hundreds of MB, and 852 MB stayed. */
const PEAK_GROWTH_MB = 120
const LASTING_GROWTH_MB = 60

let t: TestApp
let server: Listening
let admin: { cookie: string; csrf: string }
let respondent: { cookie: string; csrf: string }

beforeAll(async () => {
  t = await createTestApp()
  server = await listen(t.app)
  admin = await signInOver(server.port, (await t.createUser('admin')).email)
  respondent = await signInOver(server.port, (await t.createUser('respondent')).email)
})
afterAll(async () => {
  await server.close()
  await t.close()
})

/** 20 fields of 1 MB, the first of them a 1 MB `_csrf`, then a 1 MB file. */
const hostile = (file = 'definitionFile') =>
  multipartBody(
    Array.from({ length: 20 }, (_, i): [string, Buffer] => [i === 0 ? '_csrf' : `field${i}`, Buffer.alloc(MB, 'a')]),
    { field: file, name: 'big.json', content: Buffer.alloc(MB, 'b') },
  )

/** Sends the barrage while sampling resident memory; answers the statuses and the growth. */
async function barrage(request: (i: number) => Promise<Sent>) {
  const before = await residentMb()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / MB)), 10)
  const answers = await inBatches(48, 16, request)
  clearInterval(sampler)
  const after = await residentMb()
  const figures = { before: Math.round(before), peak: Math.round(peak), after: Math.round(after) }
  process.stdout.write(`resident memory (MB): ${JSON.stringify(figures)}\n`)
  return { statuses: new Set(answers.map(a => a.status)), peakGrowth: peak - before, lastingGrowth: after - before }
}

describe('a barrage of 20 × 1 MB fields and a 1 MB file', () => {
  it('to POST /login, signed out: refused unread, and memory stays flat', async () => {
    const { body, contentType } = hostile()
    const result = await barrage(() => send(server.port, 'POST', paths.login, { 'Content-Type': contentType }, body))
    expect(result.statuses).toEqual(new Set([403]))
    expect(result.peakGrowth).toBeLessThan(PEAK_GROWTH_MB)
    expect(result.lastingGrowth).toBeLessThan(LASTING_GROWTH_MB)
  })

  it('to the upload routes, signed out, in the wrong role, or without the CSRF token: refused, memory flat', async () => {
    const wrongToken = hostile()
    const pipeline = hostile('entriesFile')
    const callers: [string, string, string, typeof wrongToken, boolean, number[]][] = [
      // path, cookie, what, body, chunked (no Content-Length), the statuses that refuse it
      [paths.admin.questionnaires, '', 'signed out', wrongToken, false, [401]],
      [paths.admin.questionnaires, respondent.cookie, 'a respondent', wrongToken, false, [403]],
      [paths.admin.questionnaires, admin.cookie, 'an admin, no token', wrongToken, false, [413]],
      [paths.admin.questionnaires, admin.cookie, 'an admin, no token, chunked', wrongToken, true, [403, 413]],
      [paths.pipelineImport, '', 'signed out', pipeline, true, [401]],
      [paths.pipelineImport, respondent.cookie, 'a respondent, no token, chunked', pipeline, true, [403, 413]],
    ]
    const seen: string[] = []
    const result = await barrage(async i => {
      const [path, cookie, what, { body, contentType }, chunked, refusals] = callers[i % callers.length]!
      const answer = await send(
        server.port,
        'POST',
        path,
        { Cookie: cookie, 'Content-Type': contentType },
        body,
        chunked,
      )
      if (!refusals.includes(answer.status)) seen.push(`${path} as ${what}: ${answer.status}`)
      return answer
    })
    expect(seen).toEqual([])
    expect(result.peakGrowth).toBeLessThan(PEAK_GROWTH_MB)
    expect(result.lastingGrowth).toBeLessThan(LASTING_GROWTH_MB)
    // Only the three shipped versions: no refused upload stored anything.
    await expect(t.services.questionnaires.list()).resolves.toHaveLength(3)
  })
})

describe('the CSRF token comes before the file', () => {
  it('a wrong _csrf field ahead of the file is refused with 403, and nothing is stored', async () => {
    const { body, contentType } = multipartBody([['_csrf', 'forged']], {
      field: 'definitionFile',
      name: 'def.json',
      content: Buffer.from('{"key":"forged"}'),
    })
    const answer = await send(
      server.port,
      'POST',
      paths.admin.questionnaires,
      {
        Cookie: admin.cookie,
        'Content-Type': contentType,
        Accept: 'application/json',
      },
      body,
    )
    expect([answer.status, JSON.parse(answer.body)]).toMatchObject([403, { error: 'csrf' }])
  })

  it('a multipart body to a route that takes no file is refused, even with the right token in the header', async () => {
    const { body, contentType } = multipartBody([['name', 'A token made from a multipart body']])
    const headers = { Cookie: admin.cookie, 'Content-Type': contentType, Accept: 'application/json' }
    const withToken = await send(
      server.port,
      'POST',
      paths.accountTokens,
      { ...headers, 'X-CSRF-Token': admin.csrf },
      body,
    )
    expect(withToken.status).toBe(415)
    const without = await send(server.port, 'POST', paths.accountTokens, headers, body)
    expect(without.status).toBe(403)
  })
})

it('a declared Content-Length over the route’s limit is refused before the body is read', async () => {
  const answer = await new Promise<number>((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: paths.admin.questionnaires,
      agent: false,
      headers: {
        Cookie: admin.cookie,
        'X-CSRF-Token': admin.csrf,
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(50 * MB),
      },
    })
    request.on('response', response => {
      response.resume()
      resolve(response.statusCode ?? 0)
      request.destroy()
    })
    request.on('error', reject)
    // A server that waits for the rest never answers: give up after a few seconds, and say so.
    setTimeout(() => {
      request.destroy()
      resolve(-1)
    }, 5000).unref()
    // Only a little of the 50 MB is ever sent: an answer at all shows the server did not wait for the rest.
    request.write('--x\r\n')
  })
  expect(answer).toBe(413)
})
