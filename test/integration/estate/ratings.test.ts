import { paths, patterns } from '../../../src/paths'
import { insertEstateEntry } from '../../support/estate-entries'
import { templated, undocumented } from '../../support/openapi'
import { createTestApp, csrfFrom, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
type Person = { agent: Agent; csrf: string; id: number }
let hackney: Person
let camden: Person
let analyst: Person
let admin: Person

async function person(role: 'respondent' | 'analyst' | 'admin', organisation?: string): Promise<Person> {
  const user = await t.createUser(role, { organisation })
  return { ...(await signIn(t.app, user.email)), id: user.id }
}

beforeAll(async () => {
  t = await createTestApp()
  hackney = await person('respondent', 'hackney')
  camden = await person('respondent', 'camden')
  analyst = await person('analyst')
  admin = await person('admin')
})
afterAll(() => t.close())

const RATINGS_PATH = templated(patterns.api.estateRatings)
const LGDSS = { key: 'lgdss', version: 1 }
const put = (who: Person, id: number, body: unknown) =>
  who.agent
    .put(paths.api.estateRatings(id))
    .set('X-CSRF-Token', who.csrf)
    .send(body as object)
const read = (who: Person, id: number, standard = LGDSS) =>
  who.agent.get(`${paths.api.estateRatings(id)}?standard=${standard.key}&version=${standard.version}`)

describe('rating a system through the API', () => {
  it('starts with every point not assessed, at revision 0', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const response = await read(hackney, id).expect(200)
    expect(response.body).toMatchObject({ standard: LGDSS, revision: 0, evidence: null })
    const points = (response.body as { points: { key: string; rating: string; since: string | null }[] }).points
    expect(points).toHaveLength(15)
    expect(points.every(p => p.rating === 'not_assessed' && p.since === null)).toBe(true)
    expect(undocumented('get', RATINGS_PATH, response)).toEqual([])
  })

  it('saves ratings, keeps since while a rating is unchanged, and audits before and after', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const first = await put(hackney, id, {
      standard: LGDSS,
      ratings: { 'user-needs': 'meets', team: 'does_not_meet' },
      evidence: 'Service assessment, June',
      revision: 0,
    }).expect(200)
    expect(first.body).toEqual({ revision: 1 })
    expect(undocumented('put', RATINGS_PATH, first)).toEqual([])
    const firstSaved = t.clock().toISOString()

    // A minute on: sessions stay signed in, and the second save is at a time of its own.
    t.clock.advance(60 * 1000)
    await put(hackney, id, {
      standard: LGDSS,
      ratings: { 'user-needs': 'meets', team: 'partly' },
      revision: 1,
    }).expect(200, { revision: 2 })
    const secondSaved = t.clock().toISOString()

    const now = (await read(hackney, id).expect(200)).body as {
      revision: number
      evidence: string | null
      points: { key: string; rating: string; since: string }[]
    }
    expect(now.revision).toBe(2)
    expect(now.evidence).toBeNull()
    expect(now.points.find(p => p.key === 'user-needs')).toEqual({
      key: 'user-needs',
      rating: 'meets',
      since: firstSaved,
    })
    expect(now.points.find(p => p.key === 'team')).toEqual({ key: 'team', rating: 'partly', since: secondSaved })
    expect(now.points.find(p => p.key === 'agile')).toMatchObject({ rating: 'not_assessed' })

    const events = await t.repos.audit.forEntity('estate-entry', id)
    expect(events.map(e => [e.action, e.actorUserId])).toEqual([
      ['estate.rated', hackney.id],
      ['estate.rated', hackney.id],
    ])
    expect(events[1]).toMatchObject({
      before: { revision: 1, evidence: 'Service assessment, June', ratings: { team: 'does_not_meet' } },
      after: { standard: LGDSS, revision: 2, ratings: { team: 'partly', 'user-needs': 'meets' } },
    })
  })

  it('refuses a stale revision with 409, saying someone else saved first, and keeps their ratings', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    await put(hackney, id, { standard: LGDSS, ratings: { team: 'meets' }, revision: 0 }).expect(200)
    const stale = await put(admin, id, { standard: LGDSS, ratings: { team: 'does_not_meet' }, revision: 0 }).expect(409)
    expect(stale.body).toMatchObject({ error: 'conflict', revision: 1 })
    expect((stale.body as { message: string }).message).toMatch(/Someone else saved/)
    expect(undocumented('put', RATINGS_PATH, stale)).toEqual([])
    const now = (await read(hackney, id)).body as { points: { key: string; rating: string }[] }
    expect(now.points.find(p => p.key === 'team')?.rating).toBe('meets')
  })

  it('refuses unknown points and ratings with 422 naming each, and saves nothing', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const response = await put(hackney, id, {
      standard: LGDSS,
      ratings: { cloud: 'meets', team: 'excellent' },
      evidence: 'x'.repeat(5001),
      revision: 0,
    }).expect(422)
    expect(undocumented('put', RATINGS_PATH, response)).toEqual([])
    const errors = (response.body as { errors: { pointer: string; message: string }[] }).errors
    expect(errors.map(e => e.pointer)).toEqual(['/ratings/cloud', '/ratings/team', '/evidence'])
    expect(errors[0]?.message).toBe('The standard has no point “cloud”')
    expect(errors[1]?.message).toMatch(
      /^Point 2 \(Keep a sustainable multidisciplinary team\): the rating must be one of/,
    )
    expect((await read(hackney, id)).body).toMatchObject({ revision: 0 })
  })

  it('rates only against a published standard', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const missing = await put(hackney, id, { standard: { key: 'lgdss', version: 7 }, revision: 0 }).expect(422)
    expect((missing.body as { errors: { message: string }[] }).errors[0]?.message).toBe(
      'There is no published version 7 of the standard “lgdss”',
    )
    await put(hackney, id, { standard: 'lgdss', revision: 0 }).expect(422)
  })

  it('lets a respondent rate only their own authority’s systems; an admin any; analysts only read', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    await put(camden, id, { standard: LGDSS, ratings: {}, revision: 0 }).expect(404)
    await read(camden, id).expect(404)
    await put(analyst, id, { standard: LGDSS, ratings: {}, revision: 0 }).expect(403)
    await read(analyst, id).expect(200)
    await put(admin, id, { standard: LGDSS, ratings: { agile: 'partly' }, revision: 0 }).expect(200, { revision: 1 })
    const events = await t.repos.audit.forEntity('estate-entry', id)
    expect(events.map(e => e.actorUserId)).toEqual([admin.id])
  })

  it('answers a missing standard in the query with 400', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    await hackney.agent.get(paths.api.estateRatings(id)).expect(400)
  })
})

describe('the ratings page', () => {
  it('shows each point as radios, with the point’s description, evidence and the revision', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const page = await hackney.agent.get(paths.estateRatings(id, 'tcop', 1)).expect(200)
    expect(page.text).toContain('Ratings against the Technology Code of Practice')
    expect(page.text).toContain('12. Make your technology sustainable')
    expect(page.text).toContain('13. Meet the Service Standard')
    expect(page.text).toContain('Look at public cloud services first')
    expect(page.text).toContain('name="rating-cloud-first"')
    expect(page.text).toContain('Partly meets')
    expect(page.text).toContain('name="revision" value="0"')
    expect(page.text).toContain('You can enter up to 5,000 characters')
    expect(page.text).toContain(`href="${paths.estateEntry(id)}"`)
  })

  it('saves, then says so and shows since when each rating holds', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const path = paths.estateRatings(id, 'tcop', 1)
    const form = await hackney.agent.get(path)
    const saved = await hackney.agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        revision: '0',
        'rating-secure': 'meets',
        'rating-privacy': 'does_not_meet',
        evidence: 'Pen test',
      })
      .expect(302)
    expect(saved.headers.location).toBe(path)
    const page = await hackney.agent.get(path).expect(200)
    expect(page.text).toContain('Ratings saved')
    expect(page.text).toContain('Rated meets since 27 November 2026')
    expect(page.text).toContain('Rated does not meet since 27 November 2026')
    expect(page.text).toContain('name="revision" value="1"')
    expect(page.text).toContain('Pen test')
    expect(page.text).toMatch(/name="rating-secure" type="radio" value="meets" checked/)
  })

  it('shows on the system’s page how it measures up to each standard, and which it has not been rated against', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    await put(hackney, id, {
      standard: LGDSS,
      ratings: { 'open-standards': 'does_not_meet', team: 'meets' },
      revision: 0,
    }).expect(200)
    const page = (await hackney.agent.get(paths.estateEntry(id)).expect(200)).text
    expect(page).toContain(
      `href="${paths.estateRatings(id, 'lgdss', 1)}">Change ratings against the Local Government Digital Service Standard (version 1)</a>: 2 of 15 points rated; 1 does not meet`,
    )
    expect(page).toContain(
      `href="${paths.estateRatings(id, 'tcop', 1)}">Rate it against the Technology Code of Practice (version 1)</a>: Not rated yet`,
    )
    const seen = (await analyst.agent.get(paths.estateEntry(id)).expect(200)).text
    expect(seen).toContain('>See ratings against the Local Government Digital Service Standard (version 1)</a>')
  })

  it('shows errors in an error summary and keeps what was typed', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const path = paths.estateRatings(id, 'tcop', 1)
    const page = await hackney.agent
      .post(path)
      .type('form')
      .send({ _csrf: hackney.csrf, revision: '0', 'rating-secure': 'brilliant', evidence: 'Kept text' })
      .expect(400)
    expect(page.text).toContain('govuk-error-summary')
    expect(page.text).toContain('href="#rating-secure"')
    expect(page.text).toContain('Kept text')
    expect((await read(hackney, id, { key: 'tcop', version: 1 })).body).toMatchObject({ revision: 0 })
  })

  it('shows a conflict when someone else saved first, keeping what this person chose', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const path = paths.estateRatings(id, 'tcop', 1)
    await put(admin, id, { standard: { key: 'tcop', version: 1 }, ratings: { secure: 'meets' }, revision: 0 }).expect(
      200,
    )
    const page = await hackney.agent
      .post(path)
      .type('form')
      .send({ _csrf: hackney.csrf, revision: '0', 'rating-secure': 'partly', evidence: 'Mine' })
      .expect(409)
    expect(page.text).toContain('Someone else saved ratings for this system first')
    expect(page.text).toMatch(/name="rating-secure" type="radio" value="partly" checked/)
    expect(page.text).toContain('Rated meets since')
    expect(page.text).toContain('name="revision" value="1"')
  })

  it('is read-only for analysts, and not found for another authority', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const page = await analyst.agent.get(paths.estateRatings(id, 'lgdss', 1)).expect(200)
    expect(page.text).not.toContain('Save ratings')
    expect(page.text).toContain('Not assessed')
    await camden.agent.get(paths.estateRatings(id, 'lgdss', 1)).expect(404)
  })
})

describe('a summary for the register', () => {
  it('says, per entry, which standards it is rated against and how it measures up', async () => {
    const id = await insertEstateEntry(t, 'hackney')
    const other = await insertEstateEntry(t, 'hackney')
    await put(hackney, id, {
      standard: LGDSS,
      ratings: { 'user-needs': 'meets', team: 'does_not_meet', agile: 'does_not_meet', iterate: 'partly' },
      revision: 0,
    }).expect(200)
    const summaries = await t.services.ratings.summariesForEntries([id, other])
    expect(summaries.get(id)?.map(s => [s.standard.key, s.words])).toEqual([
      ['lgdss', '4 of 15 points rated; 2 do not meet'],
    ])
    expect(summaries.get(other)).toBeUndefined()
  })
})
