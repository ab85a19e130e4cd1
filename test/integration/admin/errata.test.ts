import { paths } from '../../../src/paths'
import { undocumented } from '../../support/openapi'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

const KEY = 'london-digital-maturity'
const CLOUD = 'foundations.infrastructure.cloud'
const STRATEGY = 'leadership.strategy.digital-strategy'

let t: TestApp
let admin: { agent: Agent; csrf: string }
let respondent: Agent

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#34;/g, "'")
    .replace(/\s+/g, ' ')
const errataCount = async () => Number((await t.db.knex('questionnaire_errata').count('* as n'))[0]?.n)
const options = (html: string) =>
  [...(/<select[^>]*name="question"[\s\S]*?<\/select>/.exec(html)?.[0] ?? '').matchAll(/value="([^"]*)"/g)].map(
    m => m[1],
  )

beforeAll(async () => {
  t = await createTestApp()
  admin = await signIn(t.app, (await t.createUser('admin')).email)
  respondent = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)).agent
})
afterAll(() => t.close())

describe('errata against a published questionnaire version', () => {
  it('ships one against version 2’s cloud question, readable by anyone through the API', async () => {
    const response = await respondent.get(`/api/v1/questionnaires/${KEY}/versions/2/errata`).expect(200)
    expect(undocumented('get', '/api/v1/questionnaires/{key}/versions/{version}/errata', response)).toEqual([])
    expect(response.body).toEqual([
      { question: CLOUD, reason: expect.stringMatching(/^Version 1 asked how far/), recordedAt: expect.any(String) },
    ])
    expect((await respondent.get(`/api/v1/questionnaires/${KEY}/versions/1/errata`).expect(200)).body).toEqual([])
    await respondent.get(`/api/v1/questionnaires/${KEY}/versions/9/errata`).expect(404)
  })

  it('lists them on the version’s page, with a way to record another', async () => {
    const page = (await admin.agent.get(paths.admin.questionnaireVersion(KEY, 2)).expect(200)).text
    const table = words(/<table[^>]*id="errata-table"[\s\S]*?<\/table>/.exec(page)![0])
    expect(table).toContain('How well does your council use cloud hosting')
    expect(table).toContain('Version 1 asked how far a council had moved its systems')
    expect(page).toContain(`href="${paths.admin.questionnaireErratumNew(KEY, 2)}"`)
  })

  it('offers only questions still compared with the version before', async () => {
    const form = (await admin.agent.get(paths.admin.questionnaireErratumNew(KEY, 2)).expect(200)).text
    const offered = options(form)
    expect(offered).toContain(STRATEGY)
    // Already declared; split from an older question; new in version 2: none is compared, so none is offered.
    for (const key of [CLOUD, 'data.quality.quality-standards', 'data.use.responsible-ai'])
      expect(offered).not.toContain(key)
  })

  it('refuses what is missing or wrong, field by field, and records nothing', async () => {
    const check = (body: Record<string, string>) =>
      admin.agent
        .post(paths.admin.questionnaireErratumCheck(KEY, 2))
        .type('form')
        .send({ _csrf: admin.csrf, ...body })
    const empty = (await check({ question: '', reason: '   ' }).expect(400)).text
    expect(words(empty)).toContain('Choose the question that is not comparable')
    expect(words(empty)).toContain('Say why the question is not comparable, for everyone reading a trend')
    const wrong = (await check({ question: 'data.use.responsible-ai', reason: 'x'.repeat(1001) }).expect(400)).text
    expect(words(wrong)).toContain(
      '“data.use.responsible-ai” is not a scored question of version 2 compared with version 1: choose one from the list',
    )
    expect(words(wrong)).toContain('The reason must be 1000 characters or fewer; it has 1001')
    expect(wrong).toContain('x'.repeat(1001))
    await admin.agent
      .post(paths.admin.questionnaireErrata(KEY, 2))
      .type('form')
      .send({ _csrf: admin.csrf, question: CLOUD, reason: 'Again' })
      .expect(400)
    expect(await errataCount()).toBe(1)
  })

  it('asks first, then records it for good, audited, and trends stop comparing the question', async () => {
    const reason = 'Version 2 asks about a written strategy; version 1 asked about a plan of any kind.'
    const check = await admin.agent
      .post(paths.admin.questionnaireErratumCheck(KEY, 2))
      .type('form')
      .send({ _csrf: admin.csrf, question: STRATEGY, reason })
      .expect(200)
    expect(words(check.text)).toContain('An erratum is kept for good: it cannot be changed or withdrawn.')
    expect(check.text).toContain(`<input type="hidden" name="question" value="${STRATEGY}">`)
    expect(await errataCount()).toBe(1)

    const done = await admin.agent
      .post(paths.admin.questionnaireErrata(KEY, 2))
      .type('form')
      .send({ _csrf: admin.csrf, question: STRATEGY, reason })
      .expect(302)
    expect(done.headers.location).toBe(`${paths.admin.questionnaireVersion(KEY, 2)}#errata`)
    expect(await errataCount()).toBe(2)
    const [event] = await t.db.knex('audit_events').where({ action: 'questionnaire.erratum-recorded' })
    expect(event).toMatchObject({ entity_type: 'questionnaire_version' })
    const keyMap = await t.services.questionnaires.keyMapBetween(KEY, 1, 2)
    expect(keyMap?.[STRATEGY]).toEqual([])
    const api = (await respondent.get(`/api/v1/questionnaires/${KEY}/versions/2/errata`).expect(200)).body
    expect(api.map((e: { question: string }) => e.question)).toEqual([CLOUD, STRATEGY])

    const twice = await admin.agent
      .post(paths.admin.questionnaireErrata(KEY, 2))
      .type('form')
      .send({ _csrf: admin.csrf, question: STRATEGY, reason })
      .expect(400)
    expect(words(twice.text)).toContain(`Version 2 already has an erratum on “${STRATEGY}”`)
    expect(await errataCount()).toBe(2)
  })

  it('has nothing to record against a first version or a draft', async () => {
    const first = await admin.agent.get(paths.admin.questionnaireErratumNew(KEY, 1)).expect(409)
    expect(words(first.text)).toContain('supersedes no earlier version')
    const v3 = (await t.services.questionnaires.document(KEY, 3)) as Record<string, unknown>
    await t.services.questionnaires.upload({ ...v3, version: 4, supersedes: { version: 3, keyMap: {} } }, null)
    const draft = await admin.agent.get(paths.admin.questionnaireErratumNew(KEY, 4)).expect(409)
    expect(words(draft.text)).toContain('is a draft')
    const page = (await admin.agent.get(paths.admin.questionnaireVersion(KEY, 4)).expect(200)).text
    expect(page).not.toContain(paths.admin.questionnaireErratumNew(KEY, 4))
  })

  it('is for administrators only', async () => {
    await respondent.get(paths.admin.questionnaireErratumNew(KEY, 2)).expect(403)
    const analyst = await signIn(t.app, (await t.createUser('analyst')).email)
    await analyst.agent
      .post(paths.admin.questionnaireErrata(KEY, 2))
      .type('form')
      .send({ _csrf: analyst.csrf, question: STRATEGY, reason: 'r' })
      .expect(403)
  })
})
