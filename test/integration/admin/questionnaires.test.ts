import fs from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import fc from 'fast-check'
import { ConflictError } from '../../../src/domain/errors'
import { DefinitionInvalidError } from '../../../src/services/admin/questionnaire.service'
import { validDefinition } from '../../support/definitions'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let admin: { agent: Agent; csrf: string; id: number }

const seedText = (v: number) =>
  fs.readFileSync(
    path.resolve(__dirname, `../../../seeds/data/questionnaires/london-digital-maturity.v${v}.json`),
    'utf8',
  )

beforeAll(async () => {
  t = await createTestApp()
})
beforeEach(async () => {
  const user = await t.createUser('admin')
  admin = { ...(await signIn(t.app, user.email)), id: user.id }
})
afterAll(() => t.close())

/** The problems listed beside the upload, as a person reads them: the sentence, then its pointer. */
const problemsOn = (page: string): string[] => {
  const list =
    /id="definition-problems"[\s\S]*?<ul class="govuk-list govuk-list--bullet govuk-list--spaced">([\s\S]*?)<\/ul>/.exec(
      page,
    )
  return [...(list?.[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map(m =>
    (m[1] ?? '')
      .replace(/<br>/g, ' | ')
      .replace(/<[^>]+>/g, '')
      .replace(/&#34;/g, '"')
      .replace(/&amp;/g, '&')
      .trim(),
  )
}
const summaryOn = (page: string): string[] =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map(
    m => m[1] ?? '',
  )

const versionCount = async () => Number((await t.db.knex('questionnaire_versions').count('* as n'))[0]?.n)
const upload = (definition: string) =>
  admin.agent.post('/admin/questionnaires').type('form').send({ _csrf: admin.csrf, definition })

describe('the seeded questionnaires', () => {
  it('are all published on a fresh start, and seeding again changes nothing', async () => {
    const listed = await t.services.questionnaires.list()
    expect(listed.map(v => [v.key, v.version, v.status])).toEqual([
      ['london-digital-maturity', 1, 'published'],
      ['london-digital-maturity', 2, 'published'],
      ['london-digital-maturity', 3, 'published'],
    ])
    expect(await t.services.seed.seedQuestionnaires()).toEqual([])
    expect(await versionCount()).toBe(3)
  })
})

describe('uploading a definition', () => {
  it('stores a valid one as a draft, which can be previewed, replaced, published and retired', async () => {
    const draft = validDefinition({ key: 'pilot', title: 'Pilot questionnaire' })
    const response = await upload(JSON.stringify(draft))
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/admin/questionnaires/pilot/versions/1')
    const page = await admin.agent.get('/admin/questionnaires/pilot/versions/1').expect(200)
    expect(page.text).toContain('Draft')

    const preview = await admin.agent.get('/admin/questionnaires/pilot/versions/1/preview').expect(200)
    expect(preview.text).toContain('Standards?')
    expect(preview.text).toContain('Nothing written down.')
    expect(preview.text).toContain('Not applicable to our council')

    await upload(JSON.stringify({ ...draft, title: 'Pilot questionnaire, second draft' })).expect(302)
    expect((await t.services.questionnaires.get('pilot', 1)).title).toBe('Pilot questionnaire, second draft')

    await admin.agent
      .post('/admin/questionnaires/pilot/versions/1/publish')
      .type('form')
      .send({ _csrf: admin.csrf })
      .expect(302)
    expect((await t.services.questionnaires.get('pilot', 1)).status).toBe('published')
    await admin.agent
      .post('/admin/questionnaires/pilot/versions/1/retire')
      .type('form')
      .send({ _csrf: admin.csrf })
      .expect(302)
    expect((await t.services.questionnaires.get('pilot', 1)).status).toBe('retired')

    const actions = (await t.db.knex('audit_events').where({ entity_type: 'questionnaire_version' }).orderBy('id')).map(
      e => e.action,
    )
    expect(actions).toEqual(
      expect.arrayContaining([
        'questionnaire.uploaded',
        'questionnaire.draft-replaced',
        'questionnaire.published',
        'questionnaire.retired',
      ]),
    )
  })

  it('lists every error in plain words with its pointer, answers 422, and stores nothing', async () => {
    const before = await versionCount()
    const broken = validDefinition({ key: 'broken', weakThreshold: 9 })
    broken.dimensions[0].themes[0].questions[0].levels['4'] = ''
    const response = await upload(JSON.stringify(broken))
    expect(response.status).toBe(422)
    expect(response.text).toContain('There is a problem')
    expect(problemsOn(response.text)).toEqual([
      'Questionnaire: weakThreshold must be 5 or less | JSON pointer: /weakThreshold',
      'Dimension 1, theme 1, question 1 (data.quality.standards): level 4 must not be empty | JSON pointer: /dimensions/0/themes/0/questions/0/levels/4',
    ])
    expect(await versionCount()).toBe(before)
  })

  it('lists a schema error, a rule error and a key-map error at once, linked from the error summary', async () => {
    await upload(JSON.stringify(validDefinition({ key: 'three-kinds' }))).expect(302)
    const before = await versionCount()
    const next = validDefinition({
      key: 'three-kinds',
      version: 2,
      supersedes: { version: 1, keyMap: { 'data.quality.standards': 'data.quality.gone' } },
    })
    delete next.dimensions[1].themes[0].questions[0].levels['5']
    next.dimensions[1].key = 'data'
    const response = await upload(JSON.stringify(next)).expect(422)
    expect(summaryOn(response.text)).toEqual([
      '<a href="#definition-problems">3 problems with this definition: nothing was stored</a>',
    ])
    expect(response.text).toContain('<h3 class="govuk-heading-s" id="definition-problems" tabindex="-1">')
    expect(problemsOn(response.text)).toEqual([
      'Dimension 2, theme 1, question 1 (tech.cloud.first): level 5 is missing | JSON pointer: /dimensions/1/themes/0/questions/0/levels/5',
      'Dimension 2: key “data” is already used by dimension 1 | JSON pointer: /dimensions/1/key',
      'Supersedes, keyMap: new key “data.quality.gone” is not a question in version 2 | JSON pointer: /supersedes/keyMap/data.quality.standards',
    ])
    expect(response.text).toContain('3 problems with this definition: see the list above')
    expect(await versionCount()).toBe(before)
  })

  it('refuses malformed JSON with 400, naming the line, and keeps what was pasted', async () => {
    const response = await upload('{\n  "key": "x",\n  nope\n}')
    expect(response.status).toBe(400)
    expect(response.text).toMatch(/The definition is not valid JSON at line 3, column 3/)
    expect(response.text).toContain('  nope')
  })

  it('refuses a change to a published version with 409, and the version stays as it was', async () => {
    const v2 = JSON.parse(seedText(2))
    v2.title = 'Quietly changed'
    const response = await upload(JSON.stringify(v2))
    expect(response.status).toBe(409)
    expect(response.text).toContain('is published and can never change')
    expect((await t.services.questionnaires.get('london-digital-maturity', 2)).title).not.toBe('Quietly changed')
  })

  it('refuses a supersedes that names a version that does not exist', async () => {
    const response = await upload(
      JSON.stringify(validDefinition({ key: 'orphan', version: 3, supersedes: { version: 2, keyMap: {} } })),
    )
    expect(response.status).toBe(422)
    expect(problemsOn(response.text)).toEqual([
      'Supersedes: there is no version 2 of “orphan” to supersede | JSON pointer: /supersedes/version',
    ])
  })

  it('takes a file upload, and refuses one over 1 MB with 413', async () => {
    const file = Buffer.from(JSON.stringify(validDefinition({ key: 'from-file' })))
    await admin.agent
      .post('/admin/questionnaires')
      .field('_csrf', admin.csrf)
      .attach('definitionFile', file, 'def.json')
      .expect(302)
    expect((await t.services.questionnaires.get('from-file', 1)).status).toBe('draft')
    const huge = Buffer.alloc(1024 * 1024 + 10, ' ')
    const response = await admin.agent
      .post('/admin/questionnaires')
      .field('_csrf', admin.csrf)
      .attach('definitionFile', huge, 'big.json')
    expect(response.status).toBe(413)
    expect(response.text).toContain('The file must be 1 MB or smaller')
  })

  it('sends a file in a multipart form of the token then the file, and pasted text in a url-encoded form', async () => {
    const page = (await admin.agent.get('/admin/questionnaires').expect(200)).text
    const forms = [...page.matchAll(/<form method="post" action="\/admin\/questionnaires"([^>]*)>([\s\S]*?)<\/form>/g)]
    const names = (html: string) => [...html.matchAll(/name="([^"]+)"/g)].map(m => m[1])
    expect(forms.map(f => [f[1]?.includes('multipart/form-data'), names(f[2] ?? '')])).toEqual([
      [true, ['_csrf', 'definitionFile']],
      [false, ['_csrf', 'definition']],
    ])
  })

  it('lists at most 100 problems on the page, then says how many more it found', async () => {
    const broken = validDefinition({ key: 'many-problems' })
    const question = broken.dimensions[0].themes[0].questions[0]
    broken.dimensions[0].themes[0].questions = Array.from({ length: 100 }, () => structuredClone(question))
    broken.dimensions[0].themes[1] = {
      key: 'more',
      title: 'More',
      questions: Array.from({ length: 50 }, () => structuredClone(question)),
    }
    const response = await upload(JSON.stringify(broken)).expect(422)
    expect(problemsOn(response.text)).toHaveLength(100)
    expect(problemsOn(response.text).every(p => p.includes('is already used by dimension 1, theme 1'))).toBe(true)
    expect(response.text).toContain('And 49 more problems, not listed here: fix these and check again to see them.')
    expect(response.text).toContain('149 problems with this definition: see the list above')
  })

  it('needs the CSRF token on an upload too', async () => {
    const file = Buffer.from(JSON.stringify(validDefinition({ key: 'no-token' })))
    await admin.agent.post('/admin/questionnaires').attach('definitionFile', file, 'def.json').expect(403)
    await expect(t.services.questionnaires.get('no-token', 1)).rejects.toThrow('There is no version 1')
  })

  it('never stores anything from arbitrary JSON', async () => {
    const before = await versionCount()
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async value => {
        await expect(t.services.questionnaires.upload(value, null)).rejects.toBeInstanceOf(DefinitionInvalidError)
      }),
      { numRuns: 100 },
    )
    expect(await versionCount()).toBe(before)
  })
})

describe('the example definition and the schema, offered beside the upload', () => {
  const download = (file: string) =>
    admin.agent
      .get(`/admin/questionnaires/${file}`)
      .buffer(true)
      .parse((res, done) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
        res.on('end', () => done(null, body))
      })

  it('are linked from the upload form, which names no file of the code', async () => {
    const page = (await admin.agent.get('/admin/questionnaires').expect(200)).text
    expect(page).toContain(
      '<a class="govuk-link" href="/admin/questionnaires/example.json" download>Download an example definition (JSON)</a>',
    )
    expect(page).toContain(
      '<a class="govuk-link" href="/admin/questionnaires/schema.json" download>Download the JSON Schema that definitions are checked against</a>',
    )
    expect(page).not.toContain('src/')
  })

  it('sends the example as a JSON file to save, which uploads as a draft', async () => {
    const response = await download('example.json').expect(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.headers['content-disposition']).toBe('attachment; filename=questionnaire-example.json')
    await upload(response.body as string).expect(302)
    expect((await t.services.questionnaires.get('example-questionnaire', 1)).status).toBe('draft')
  })

  it('sends the schema as a JSON file to save, which the example passes and a broken definition does not', async () => {
    const response = await download('schema.json').expect(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.headers['content-disposition']).toBe('attachment; filename=questionnaire.schema.json')
    const check = new Ajv2020({ strict: false }).compile(JSON.parse(response.body as string))
    const example = JSON.parse((await download('example.json')).body as string)
    expect(check(example)).toBe(true)
    expect(check({ ...example, colour: 'blue' })).toBe(false)
  })

  it('are for admins alone', async () => {
    const analyst = await signIn(t.app, (await t.createUser('analyst')).email)
    await analyst.agent.get('/admin/questionnaires/example.json').expect(403)
    await analyst.agent.get('/admin/questionnaires/schema.json').expect(403)
  })
})

describe('a published version cannot change by any path', () => {
  it('is refused by the service', async () => {
    await expect(t.services.questionnaires.upload(JSON.parse(seedText(1)), null)).rejects.toBeInstanceOf(ConflictError)
    await expect(t.services.questionnaires.publish('london-digital-maturity', 1, null)).rejects.toBeInstanceOf(
      ConflictError,
    )
  })

  it('is refused by the database itself', async () => {
    const table = () =>
      t.db.knex('questionnaire_versions').where({ questionnaire_key: 'london-digital-maturity', version: 1 })
    await expect(table().update({ definition: JSON.stringify({ changed: true }) })).rejects.toThrow(/can never change/)
    await expect(table().update({ title: 'Renamed' })).rejects.toThrow(/can never change/)
    await expect(table().update({ status: 'draft' })).rejects.toThrow(/cannot move from published to draft/)
    await expect(table().delete()).rejects.toThrow(/never deleted/)
    expect(JSON.parse(JSON.stringify((await table().first()).definition))).toEqual(JSON.parse(seedText(1)))
  })
})

describe('comparing versions', () => {
  it('shows what was added, removed, reworded and mapped between 2025 and 2026, per dimension', async () => {
    const page = await admin.agent.get('/admin/questionnaires/london-digital-maturity/compare?from=1&to=2').expect(200)
    expect(page.text).toMatch(
      /1 added<\/strong>, <strong>1 removed<\/strong>, <strong>1 reworded<\/strong>, <strong>2 mapped<\/strong>/,
    )
    expect(page.text).toContain('data.use.responsible-ai')
    expect(page.text).toContain('foundations.infrastructure.end-user-devices')
    expect(page.text).toContain('foundations.infrastructure.cloud')
    expect(page.text).toMatch(
      /<code>data\.quality\.data-quality<\/code> became <code>data\.quality\.quality-standards<\/code> and <code>data\.quality\.quality-monitoring<\/code>/,
    )
  })

  it('asks again when the versions are not two different ones', async () => {
    const page = await admin.agent.get('/admin/questionnaires/london-digital-maturity/compare?from=2&to=2')
    expect(page.status).toBe(400)
    expect(page.text).toContain('Choose two different versions')
    await admin.agent.get('/admin/questionnaires/no-such-thing/compare?from=1&to=2').expect(404)
  })
})

describe('the questionnaire API', () => {
  it('lists versions, hiding drafts from everyone but admins', async () => {
    await t.services.questionnaires.upload(validDefinition({ key: 'secret-draft' }), null)
    const analyst = await signIn(t.app, (await t.createUser('analyst')).email)
    const list = await analyst.agent.get('/api/v1/questionnaires').expect(200)
    expect(list.body).toContainEqual({
      key: 'london-digital-maturity',
      version: 2,
      title: expect.any(String),
      status: 'published',
    })
    expect(list.body.map((v: { key: string }) => v.key)).not.toContain('secret-draft')
    await analyst.agent.get('/api/v1/questionnaires/secret-draft/versions/1').expect(404)
    const adminList = await admin.agent.get('/api/v1/questionnaires').expect(200)
    expect(adminList.body.map((v: { key: string }) => v.key)).toContain('secret-draft')
  })

  it('returns a stored definition exactly as it was uploaded, key order and all', async () => {
    const respondent = await signIn(t.app, (await t.createUser('respondent')).email)
    const response = await respondent.agent.get('/api/v1/questionnaires/london-digital-maturity/versions/2').expect(200)
    expect(JSON.stringify(response.body)).toBe(JSON.stringify(JSON.parse(seedText(2))))
    await respondent.agent.get('/api/v1/questionnaires/london-digital-maturity/versions/9').expect(404)
    await respondent.agent.get('/api/v1/questionnaires/london-digital-maturity/versions/x').expect(404)
  })
})
