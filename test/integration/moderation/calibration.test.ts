import { fillAssessment, recordModerations } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let roundId: number
let emptyRoundId: number
let analyst: Agent
let admin: Agent
let ada: { id: number; name: string }
let ben: { id: number; name: string }

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()

/** The text of each cell of the table with this caption, row by row, as a person reads it. */
function table(html: string, caption: string): string[][] {
  const found = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map(m => m[0]).find(t => t.includes(`>${caption}<`))
  if (!found) throw new Error(`no table captioned ${caption}`)
  const body = found.slice(found.indexOf('<tbody'))
  return [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map(row =>
    [...row[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(cell => decode(cell[1]!)),
  )
}

async function assessorNamed(organisation?: string) {
  const { id } = await t.createUser('assessor', { organisation })
  return { id, name: (await t.repos.users.findById(id))!.name }
}

beforeAll(async () => {
  t = await createTestApp()
  roundId = await createRound(t, { name: 'Calibration round', organisations: ['hackney', 'camden', 'barnet'] })
  const hackney = await assessmentOf(t, roundId, 'hackney')
  const camden = await assessmentOf(t, roundId, 'camden')
  await fillAssessment(t, hackney, () => 3)
  await fillAssessment(t, camden, () => 2)
  await fillAssessment(t, await assessmentOf(t, roundId, 'barnet'), () => 4)
  ada = await assessorNamed('lewisham')
  ben = await assessorNamed()
  const changed = { rationale: 'Evidence does not support the self-assessed level' }
  // Ada on Hackney (self 3): all of leadership down one; data: one agreed, one up, one agreed.
  await recordModerations(t, hackney, ada.id, {
    'leadership.strategy.digital-strategy': { level: 2, ...changed },
    'leadership.governance.investment-governance': { level: 2, ...changed },
    'leadership.collaboration.cross-borough': { level: 2, ...changed },
    'leadership.collaboration.collaborative-procurement': { level: 2, ...changed },
    'data.governance.data-ownership': { level: 3 },
    'data.governance.data-protection': { level: 4, ...changed },
    'data.governance.information-sharing': { level: 3 },
  })
  // Ben on Camden (self 2): +2, −1, +2 in culture and −1 in foundations: large swings both ways.
  await recordModerations(t, camden, ben.id, {
    'culture.skills.workforce-skills': { level: 4, ...changed },
    'culture.skills.specialist-capability': { level: 1, ...changed },
    'culture.ways-of-working.multidisciplinary-delivery': { level: 4, ...changed },
    'foundations.infrastructure.cloud': { level: 1, ...changed },
  })
  emptyRoundId = await createRound(t, { name: 'Round with nothing moderated', organisations: ['ealing', 'enfield'] })
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  admin = (await signIn(t.app, (await t.createUser('admin')).email)).agent
})
afterAll(() => t.close())

describe('the calibration page', () => {
  let html: string
  beforeAll(async () => {
    html = (await analyst.get(`/rounds/${roundId}/calibration`).expect(200)).text
  })

  it('shows each organisation’s changes and mean adjustment per dimension, flagging systematic rating', () => {
    expect(table(html, 'By organisation')).toEqual([
      [
        'Camden',
        '4 of 4 changed +0.50 raised Flagged: often raised',
        'Not moderated',
        '3 of 3 changed +1.00 raised Flagged: often raised',
        'Not moderated',
        '1 of 1 changed −1.00 lowered',
        'Not moderated',
      ],
      [
        'Hackney',
        '5 of 7 changed −0.43 lowered',
        '4 of 4 changed −1.00 lowered Flagged: often lowered',
        'Not moderated',
        '1 of 3 changed +0.33 raised',
        'Not moderated',
        'Not moderated',
      ],
    ])
  })

  it('shows each assessor’s adjustments and spread, and flags the inconsistent one', () => {
    // Ada: −1 × 4, 0, +1, 0: spread √26 / 7 ≈ 0.73. Ben: +2, −1, +2, −1: spread 1.50.
    expect(table(html, 'By assessor')).toEqual(
      [
        [
          ada.name,
          '5 of 7 changed −0.43 lowered',
          '4 of 4 changed −1.00 lowered Flagged: often lowered',
          'Not moderated',
          '1 of 3 changed +0.33 raised',
          'Not moderated',
          'Not moderated',
          '0.73 (others 1.50)',
        ],
        [
          ben.name,
          '4 of 4 changed +0.50 raised Flagged: often raised',
          'Not moderated',
          '3 of 3 changed +1.00 raised Flagged: often raised',
          'Not moderated',
          '1 of 1 changed −1.00 lowered',
          'Not moderated',
          '1.50 (others 0.73) Flagged: inconsistent',
        ],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!, 'en-GB')),
    )
  })

  it('draws each table as a shaded grid holding the same figures, largest adjustment first', () => {
    /** The grid's rows as label then figures, in the order drawn. */
    const grid = (id: string) => {
      const figure = new RegExp(`<figure[^>]*id="${id}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? ''
      return [...figure.matchAll(/<g class="app-calibration-grid__row">([\s\S]*?)<\/g>\s*<\/g>/g)].map(row =>
        [...row[1]!.matchAll(/<text class="app-calibration-grid__(?:label|figure)"[^>]*>([^<]*)<\/text>/g)].map(m =>
          decode(m[1]!),
        ),
      )
    }
    /** A table row as the grid writes it: each cell's mean, starred when flagged, or a dash. */
    const asDrawn = (row: string[]) => [
      row[0]!,
      ...row.slice(1, 7).map(cell => {
        const mean = /[+−]?\d\.\d\d/.exec(cell)?.[0]
        return mean ? `${mean}${cell.includes('Flagged: often') ? '*' : ''}` : '–'
      }),
    ]
    const byOrganisation = table(html, 'By organisation').map(asDrawn)
    // Camden's overall +0.50 is larger than Hackney's −0.43, so Camden comes first.
    expect(grid('calibration-organisations')).toEqual(byOrganisation)
    expect(byOrganisation.map(r => r[0])).toEqual(['Camden', 'Hackney'])
    expect(grid('calibration-assessors')).toEqual(
      [ben.name, ada.name].map(name => asDrawn(table(html, 'By assessor').find(r => r[0] === name)!)),
    )
    expect(decode(html)).toContain('2 rows, largest overall adjustment first. The largest is Camden: +0.50 raised.')
  })

  it('names the dimensions, states the flagging rule and counts what is not yet moderated', () => {
    const text = decode(html)
    expect(text).toContain('Organisation All dimensions Leadership and strategy Culture and skills Data')
    expect(text).toContain('a mean adjustment of 0.5 of a level or more, either way, over at least 3 questions')
    expect(text).toContain('at least 0.5 of a level more than the spread of all the other assessors’ adjustments')
    expect(text).toContain('1 assessment has no moderated questions yet and is not counted.')
  })

  it('offers every round in a picker that works without JavaScript', async () => {
    expect(html).toMatch(/<form method="get" action="\/calibration"/)
    expect(html).toContain(`<option value="${roundId}" selected>Calibration round</option>`)
    expect(html).toContain(`<option value="${emptyRoundId}">Round with nothing moderated</option>`)
    const picked = await analyst.get(`/calibration?round=${emptyRoundId}`).expect(302)
    expect(picked.headers.location).toBe(`/rounds/${emptyRoundId}/calibration`)
  })

  it('opens on the newest round with something moderated, not a newer one with nothing to show', async () => {
    const opened = await analyst.get('/calibration').expect(302)
    expect(opened.headers.location).toBe(`/rounds/${roundId}/calibration`)
  })

  it('says plainly when nothing in a round has been moderated yet', async () => {
    const empty = (await admin.get(`/rounds/${emptyRoundId}/calibration`).expect(200)).text
    expect(decode(empty)).toContain('No assessments in Round with nothing moderated have been moderated yet.')
    expect(empty).not.toContain('By organisation')
    expect(decode(empty)).toContain('2 assessments have no moderated questions yet and are not counted.')
  })
})

describe('GET /api/v1/rounds/:id/calibration', () => {
  it('returns the same figures as plain numbers, authorities by GSS code', async () => {
    const body = (await admin.get(`/api/v1/rounds/${roundId}/calibration`).expect(200)).body
    expect(body.round).toEqual({ id: roundId, name: 'Calibration round' })
    expect(body.rule).toEqual({ systematicMean: 0.5, minimumCompared: 3, inconsistentMargin: 0.5 })
    expect(body.awaitingModeration).toBe(1)
    expect(body.dimensions.map((d: { key: string }) => d.key)).toEqual([
      'leadership',
      'culture',
      'data',
      'foundations',
      'services',
    ])
    const hackney = body.organisations.find((o: { gss: string }) => o.gss === 'E09000012')
    expect(hackney.all).toMatchObject({ reviewed: 7, compared: 7, changed: 5, raised: 1, lowered: 4 })
    expect(hackney.all.meanAdjustment).toBeCloseTo(-3 / 7, 10)
    expect(hackney.dimensions[0]).toEqual({
      key: 'leadership',
      reviewed: 4,
      compared: 4,
      changed: 4,
      raised: 0,
      lowered: 4,
      meanAdjustment: -1,
      direction: 'lowered',
      systematic: true,
    })
    const benRow = body.assessors.find((a: { id: number }) => a.id === ben.id)
    expect(benRow).toMatchObject({ name: ben.name, spread: 1.5, inconsistent: true })
    expect(benRow.othersSpread).toBeCloseTo(Math.sqrt(26) / 7, 10)
    expect(body.assessors.find((a: { id: number }) => a.id === ada.id).inconsistent).toBe(false)
  })

  it('answers a round with no moderations with empty tables', async () => {
    const body = (await analyst.get(`/api/v1/rounds/${emptyRoundId}/calibration`).expect(200)).body
    expect(body).toMatchObject({ organisations: [], assessors: [], awaitingModeration: 2 })
  })
})

describe('who may see calibration', () => {
  it('refuses a respondent, on the page and in the API', async () => {
    const respondent = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email))
      .agent
    const page = await respondent.get(`/rounds/${roundId}/calibration`).expect(403)
    expect(page.text).not.toContain('Camden')
    const api = await respondent.get(`/api/v1/rounds/${roundId}/calibration`).expect(403)
    expect(api.body).toMatchObject({ error: 'forbidden' })
  })

  it('refuses a respondent in the service too, whatever route reaches it', async () => {
    const user = await t.repos.users.findById((await t.createUser('respondent', { organisation: 'camden' })).id)
    await expect(t.services.calibration.forRound(user!, roundId)).rejects.toThrow(
      'Only assessors, analysts and administrators can see calibration',
    )
  })

  it('answers 404 for a round that does not exist', async () => {
    await analyst.get('/rounds/999999/calibration').expect(404)
    const api = await analyst.get('/api/v1/rounds/999999/calibration').expect(404)
    expect(api.body).toMatchObject({ error: 'not_found', message: 'There is no such round' })
  })
})
