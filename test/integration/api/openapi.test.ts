import request from 'supertest'
import { allQuestions, type QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import type { Role } from '../../../src/domain/roles'
import { routeTable } from '../../../src/routes'
import { answerBody } from '../../support/answers'
import { openapi, templated, undocumented } from '../../support/openapi'
import { fillAssessment } from '../../support/results'
import { assessmentOf } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

const METHODS = ['get', 'put', 'post', 'patch', 'delete']
const apiRoutes = routeTable(null as never, null as never).filter(r => r.path.startsWith('/api/v1/'))

describe('the OpenAPI document', () => {
  it('covers the API', () => {
    expect(apiRoutes.length).toBeGreaterThanOrEqual(15)
  })

  it.each(apiRoutes)('documents $method $path with the roles the route table allows', route => {
    const operation = openapi.paths[templated(route.path)]?.[route.method]
    expect(operation).toBeDefined()
    expect(operation?.['x-roles']).toEqual(route.access === 'public' ? 'public' : [...route.access])
    const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map(m => m[1])
    expect((operation?.parameters ?? []).filter(p => p.in === 'path').map(p => p.name)).toEqual(pathParameters)
    const schemes = (operation?.security ?? []).flatMap(s => Object.keys(s))
    if (route.access === 'public') expect(schemes).toEqual([])
    else
      expect(new Set(schemes)).toEqual(
        new Set(['sessionCookie', ...(route.method === 'get' ? [] : ['csrfToken']), 'bearerToken']),
      )
  })

  it('documents nothing the app does not serve', () => {
    const served = new Set(apiRoutes.map(r => `${r.method} ${templated(r.path)}`))
    const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter(m => METHODS.includes(m))
        .map(m => `${m} ${path}`),
    )
    expect(documented.filter(d => !served.has(d))).toEqual([])
  })
})

describe('real responses', () => {
  let t: TestApp
  let respondent: { agent: Agent; csrf: string }
  let admin: string
  let assessor: string
  let roundId: number
  let hackney: number
  let camden: number
  let definition: QuestionnaireDefinition
  /** Values for the `{name}` parts of the documented paths called below. */
  const params: Record<string, string | number> = {}

  /** Calls the API and checks the response against the document, so each call below is also an assertion. */
  async function call(
    method: 'get' | 'post' | 'put',
    path: string,
    status: number,
    options: { as?: string; body?: object } = {},
  ): Promise<request.Response> {
    const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name]))
    const base = options.as
      ? request(t.app)[method](url).set('Authorization', `Bearer ${options.as}`)
      : respondent.agent[method](url).set('X-CSRF-Token', respondent.csrf)
    const response = await (options.body ? base.send(options.body) : base)
    expect([`${method} ${url}`, response.status]).toEqual([`${method} ${url}`, status])
    expect(undocumented(method, path.split('?')[0]!, response)).toEqual([])
    return response
  }

  beforeAll(async () => {
    t = await createTestApp()
    const token = async (role: Role) => {
      const { id } = await t.createUser(role, { organisation: 'lewisham' })
      return (await t.services.tokens.create(await t.services.users.get(id), { name: 'Test' })).secret
    }
    admin = await token('admin')
    assessor = await token('assessor')
    const user = await t.createUser('respondent', { organisation: 'hackney' })
    respondent = await signIn(t.app, user.email)
    definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  })
  afterAll(() => t.close())

  it('for reference data: organisations and questionnaires', async () => {
    expect((await call('get', '/api/v1/organisations', 200)).body).toHaveLength(33)
    expect((await call('get', '/api/v1/questionnaires', 200, { as: admin })).body.length).toBeGreaterThanOrEqual(2)
    Object.assign(params, { key: 'london-digital-maturity', version: 2 })
    await call('get', '/api/v1/questionnaires/{key}/versions/{version}', 200)
    params.version = 99
    await call('get', '/api/v1/questionnaires/{key}/versions/{version}', 404)
  })

  it('for rounds, and for being signed out or not allowed', async () => {
    const round = {
      name: 'OpenAPI round',
      questionnaire: { key: 'london-digital-maturity', version: 2 },
      opensAt: '2026-11-01',
      closesAt: '2027-01-31',
      organisations: ['E09000012', 'E09000007'],
    }
    roundId = (await call('post', '/api/v1/rounds', 201, { as: admin, body: round })).body.id
    await call('post', '/api/v1/rounds', 422, { as: admin, body: { ...round, opensAt: 'soon' } })
    await call('post', '/api/v1/rounds', 403, { body: round })
    expect((await call('get', '/api/v1/rounds', 200)).body).toEqual([
      expect.objectContaining({ id: roundId, status: 'open' }),
    ])
    const signedOut = await request(t.app).get('/api/v1/rounds').expect(401)
    expect(undocumented('get', '/api/v1/rounds', signedOut)).toEqual([])
    await call('get', '/api/v1/rounds', 401, { as: `ldm_${'0'.repeat(43)}` })
    hackney = await assessmentOf(t, roundId, 'hackney')
    camden = await assessmentOf(t, roundId, 'camden')
  })

  it('for a borough answering and submitting', async () => {
    params.id = hackney
    await call('get', `/api/v1/assessments?round=${roundId}`, 200)
    await call('get', '/api/v1/assessments?round=soon', 400)
    await call('post', '/api/v1/assessments/{id}/submit', 422)
    const questions = allQuestions(definition).filter(l => l.question.required)
    for (const { question } of questions) {
      params.questionKey = question.key
      const body = {
        ...answerBody(question, 3, question.evidence === 'required' ? 'Our strategy' : undefined),
        revision: 0,
      }
      await call('put', '/api/v1/assessments/{id}/answers/{questionKey}', 200, { body })
    }
    params.questionKey = questions[0]!.question.key
    await call('put', '/api/v1/assessments/{id}/answers/{questionKey}', 409, { body: { level: 2, revision: 0 } })
    await call('put', '/api/v1/assessments/{id}/answers/{questionKey}', 422, { body: { level: 9, revision: 1 } })
    const read = await call('get', '/api/v1/assessments/{id}', 200)
    expect(read.body.answers).toHaveLength(questions.length)
    await call('get', '/api/v1/assessments/{id}/scores?basis=self', 200)
    await call('get', '/api/v1/assessments/{id}/scores?basis=guess', 400)
    await call('post', '/api/v1/assessments/{id}/submit', 200)
    params.id = camden
    await call('get', '/api/v1/assessments/{id}', 404)
  })

  it('for moderation and calibration', async () => {
    params.id = hackney
    const key = allQuestions(definition).find(l => l.question.type === 'maturity')!.question.key
    params.questionKey = key
    await call('post', '/api/v1/assessments/{id}/open-moderation', 200, { as: assessor })
    await call('post', '/api/v1/assessments/{id}/open-moderation', 409, { as: assessor })
    await call('put', '/api/v1/assessments/{id}/moderation/{questionKey}', 422, {
      as: assessor,
      body: { level: 4, revision: 0 },
    })
    await call('put', '/api/v1/assessments/{id}/moderation/{questionKey}', 200, {
      as: assessor,
      body: { level: 4, rationale: 'Evidence shows more', revision: 0 },
    })
    await call('put', '/api/v1/assessments/{id}/moderation/{questionKey}', 409, {
      as: assessor,
      body: { level: 2, rationale: 'Less', revision: 0 },
    })
    await call('post', '/api/v1/assessments/{id}/return', 422, { as: assessor, body: {} })
    await call('post', '/api/v1/assessments/{id}/return', 200, {
      as: assessor,
      body: { comment: 'Add evidence for data' },
    })
    await fillAssessment(t, camden, () => 2)
    params.id = camden
    await call('post', '/api/v1/assessments/{id}/open-moderation', 200, { as: assessor })
    await call('post', '/api/v1/assessments/{id}/complete', 409, { as: assessor, body: {} })
    for (const { question } of allQuestions(definition).filter(l => l.question.type === 'maturity')) {
      params.questionKey = question.key
      await call('put', '/api/v1/assessments/{id}/moderation/{questionKey}', 200, {
        as: assessor,
        body: { level: 2, revision: 0 },
      })
    }
    await call('post', '/api/v1/assessments/{id}/complete', 200, { as: assessor, body: {} })
    params.id = roundId
    const calibration = await call('get', '/api/v1/rounds/{id}/calibration', 200, { as: assessor })
    expect(calibration.body.organisations.map((o: { gss: string }) => o.gss)).toEqual(['E09000007', 'E09000012'])
  })

  it('for insights: the heatmap, clusters and trend', async () => {
    params.id = roundId
    const heatmap = await call('get', '/api/v1/rounds/{id}/heatmap', 200, { as: assessor })
    expect(heatmap.body.rows).toHaveLength(2)
    await call('get', '/api/v1/rounds/{id}/heatmap?level=theme&parent=data', 200, { as: assessor })
    await call('get', '/api/v1/rounds/{id}/heatmap?level=borough', 400, { as: assessor })
    await call('get', '/api/v1/rounds/{id}/heatmap?level=theme&parent=nowhere', 404, { as: assessor })
    await call('get', '/api/v1/rounds/{id}/clusters?minSize=1&k=1', 200, { as: assessor })
    await call('get', '/api/v1/rounds/{id}/clusters?k=0', 400, { as: assessor })
    await call('get', '/api/v1/rounds/{id}/trend', 400, { as: assessor })
    const earlier = await t.services.rounds.create(
      {
        name: 'Earlier round',
        questionnaire: { key: 'london-digital-maturity', version: 1 },
        opensOn: '2025-10-01',
        closesOn: '2025-12-31',
        organisations: ['camden'],
      },
      null,
    )
    await fillAssessment(t, await assessmentOf(t, earlier, 'camden'), () => 1, { version: 1 })
    const trend = await call('get', `/api/v1/rounds/{id}/trend?against=${earlier}`, 200, { as: assessor })
    expect(trend.body.against).toEqual({ id: earlier, name: 'Earlier round' })
    params.id = 999_999
    await call('get', '/api/v1/rounds/{id}/heatmap', 404, { as: assessor })
    params.id = roundId
    await call('get', '/api/v1/rounds/{id}/heatmap', 403)
  })

  it('for this document, which anyone may read', async () => {
    const response = await request(t.app).get('/api/v1/openapi.json').expect(200)
    expect(undocumented('get', '/api/v1/openapi.json', response)).toEqual([])
    expect(response.body).toEqual(openapi)
  })
})
