/**
 * One admin's upload must not stop the service for everyone: a definition built to be slow to check (750 KB,
 * 40,000 dimensions) once held the event loop for 11.9 s and answered with a 14 MB page of 120,004 errors.
 * Here it is sent to a listening server while /healthz is asked every few milliseconds.
 */
import { paths } from '../../src/paths'
import { validDefinition } from '../support/definitions'
import { createTestApp, type TestApp } from '../support/test-app'
import { listen, multipartBody, residentMb, send, signInOver, type Listening, type Sent } from './support/raw-http'

/** Each /healthz answer while the file is checked, and the upload's own answer, must come within these. */
const HEALTH_MS = 100
const ANSWER_MS = 2_000
const ANSWER_BYTES = 100_000

let t: TestApp
let server: Listening
let admin: { cookie: string; csrf: string }

beforeAll(async () => {
  t = await createTestApp()
  server = await listen(t.app)
  admin = await signInOver(server.port, (await t.createUser('admin')).email)
})
afterAll(async () => {
  await server.close()
  await t.close()
})

/** 40,000 dimensions with a title and nothing else: three errors each, to a schema that lists every one. */
function hostileDefinition(): Buffer {
  const dimension = JSON.stringify({ title: 'dimens' })
  const definition = JSON.stringify({ ...validDefinition({ key: 'hostile' }), dimensions: [] })
  return Buffer.from(definition.replace('"dimensions":[]', `"dimensions":[${Array(40_000).fill(dimension).join(',')}]`))
}

/** Uploads the file as the form does, asking /healthz over and over until the upload is answered. */
async function uploadWhilePolling(file: Buffer, accept: string) {
  const { body, contentType } = multipartBody([['_csrf', admin.csrf]], {
    field: 'definitionFile',
    name: 'hostile.json',
    content: file,
  })
  const state = { answered: false }
  const health: Sent[] = []
  const polling = (async () => {
    while (!state.answered) {
      health.push(await send(server.port, 'GET', '/healthz', {}))
      await new Promise(resolve => setTimeout(resolve, 5))
    }
  })()
  const upload = await send(
    server.port,
    'POST',
    paths.admin.questionnaires,
    { Cookie: admin.cookie, 'Content-Type': contentType, Accept: accept },
    body,
  )
  state.answered = true
  await polling
  return { upload, health }
}

it('the hostile file is about 750 KB', () => {
  expect(hostileDefinition().length).toBeGreaterThan(700_000)
  expect(hostileDefinition().length).toBeLessThan(800_000)
})

it.each([
  ['a page', 'text/html'],
  ['JSON', 'application/json'],
])(
  'a 750 KB definition of 40,000 dimensions is refused quickly and briefly as %s, and /healthz answers throughout',
  async (_as, accept) => {
    const before = await residentMb()
    const { upload, health } = await uploadWhilePolling(hostileDefinition(), accept)
    const after = await residentMb()
    process.stdout.write(`resident memory ${Math.round(before)} MB -> ${Math.round(after)} MB; `)
    expect(after - before).toBeLessThan(60)
    process.stdout.write(
      `upload: ${upload.status} in ${Math.round(upload.ms)} ms, ${upload.body.length} bytes; ` +
        `/healthz: ${health.length} answers, slowest ${Math.round(Math.max(...health.map(h => h.ms)))} ms\n`,
    )
    expect(upload.status).toBe(422)
    expect(upload.ms).toBeLessThan(ANSWER_MS)
    expect(upload.body.length).toBeLessThan(ANSWER_BYTES)
    expect(upload.body).toContain('a questionnaire may hold at most 20 dimensions')
    expect(health.length).toBeGreaterThan(0)
    expect(health.filter(h => h.status !== 200 || h.ms >= HEALTH_MS)).toEqual([])
    await expect(t.services.questionnaires.get('hostile', 1)).rejects.toThrow('There is no version 1')
  },
)

it('a definition within the limits but wrong everywhere lists 100 problems, then says there are at least more', async () => {
  const definition = validDefinition({ key: 'wrong-everywhere' })
  const question = definition.dimensions[0].themes[0].questions[0]
  // 20 dimensions of 5 themes of 5 questions, each question without its prompt: 500 problems.
  definition.dimensions = Array.from({ length: 20 }, (_, d) => ({
    key: `d${d}`,
    title: `Dimension ${d}`,
    description: '',
    themes: Array.from({ length: 5 }, (_, th) => ({
      key: `d${d}.t${th}`,
      title: `Theme ${th}`,
      questions: Array.from({ length: 5 }, (_, q) => ({ ...question, key: `d${d}.t${th}.q${q}`, prompt: undefined })),
    })),
  }))
  const { upload, health } = await uploadWhilePolling(Buffer.from(JSON.stringify(definition)), 'application/json')
  expect(upload.status).toBe(422)
  const answer = JSON.parse(upload.body) as { errors: unknown[]; unlisted: unknown; message: string }
  expect(answer.errors).toHaveLength(100)
  expect(answer.errors[0]).toEqual({
    pointer: '/dimensions/0/themes/0/questions/0/prompt',
    message: 'Dimension 1, theme 1, question 1 (d0.t0.q0): prompt is missing',
  })
  // Checking stopped soon after the list was full: the count of the rest is a lower bound, and says so.
  expect(answer.unlisted).toMatchObject({ checkingStopped: true })
  expect(answer.message).toMatch(/^The definition has at least 1\d\d problems$/)
  expect(health.filter(h => h.status !== 200 || h.ms >= HEALTH_MS)).toEqual([])
})
