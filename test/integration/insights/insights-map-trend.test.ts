import type { Question } from '../../../src/domain/questionnaire/definition'
import { validDefinition } from '../../support/definitions'
import { fillAssessment, recordModerations } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { chartPanel, medianLine, slopeLines, tableById } from '../../support/svg-chart'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let analyst: Agent
let respondent: Agent
let v1Round: number
let v2Round: number
let otherQuestionnaireRound: number
let unlinkedRound: number

const DIMENSIONS = ['leadership', 'culture', 'data', 'foundations', 'services']
const SPLIT_HALVES = ['data.quality.quality-standards', 'data.quality.quality-monitoring']

const levels =
  (fallback: number, overrides: Record<string, number> = {}) =>
  (q: Question): number =>
    overrides[q.key] ?? fallback

/** A table's rows as a sighted reader sees them: visually hidden and aria-hidden text left out. */
function tableRows(html: string, id: string): Map<string, string[]> {
  const table = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0]
  if (!table) throw new Error(`no table #${id}`)
  const text = (cell: string) =>
    cell
      .replace(
        /<span class="govuk-visually-hidden">[\s\S]*?<\/span>|<span[^>]*aria-hidden="true"[^>]*>[\s\S]*?<\/span>/g,
        '',
      )
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim()
  const body = table.slice(table.indexOf('<tbody'))
  return new Map(
    [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map(row => {
      const cells = [...row[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(c => text(c[1]!))
      return [cells[0]!, cells.slice(1)]
    }),
  )
}

/** The tiles of one small map, by GSS code, with what each shows. */
function tiles(html: string, key: string) {
  const figure = new RegExp(`<figure class="app-london-map" data-map="${key}">[\\s\\S]*?</figure>`).exec(html)?.[0]
  if (!figure) throw new Error(`no map for ${key}`)
  return new Map(
    [...figure.matchAll(/<g class="app-map-tile ([^"]*)" data-gss="(E\d+)">([\s\S]*?)<\/g>/g)].map(m => {
      const texts = [...m[3]!.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map(x => x[1]!.replace(/<[^>]+>/g, ''))
      return [
        m[2]!,
        {
          classes: m[1]!,
          title: /<title>([^<]*)<\/title>/.exec(m[3]!)?.[1],
          label: texts[0],
          score: texts[1],
          hatched: m[3]!.includes('fill="url(#'),
        },
      ]
    }),
  )
}

beforeAll(async () => {
  t = await createTestApp()
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  respondent = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)).agent
  const assessor = await t.createUser('assessor')

  v1Round = await createRound(t, {
    name: '2025 assessment',
    version: 1,
    opensOn: '2025-10-01',
    closesOn: '2025-12-31',
    organisations: ['hackney', 'islington', 'lambeth'],
  })
  // Hackney 2025: level 2, except a question that moves to leadership in version 2 (4), one that is split (5)
  // and one that is removed (5); an assessor lowered its digital strategy to 1.
  const hackney2025 = await assessmentOf(t, v1Round, 'hackney')
  await fillAssessment(
    t,
    hackney2025,
    levels(2, {
      'foundations.procurement.collaborative-procurement': 4,
      'data.quality.data-quality': 5,
      'foundations.infrastructure.end-user-devices': 5,
    }),
    { version: 1, state: 'moderated' },
  )
  await recordModerations(t, hackney2025, assessor.id, { 'leadership.strategy.digital-strategy': { level: 1 } })
  await fillAssessment(t, await assessmentOf(t, v1Round, 'islington'), levels(4), { version: 1, state: 'in_progress' })
  await fillAssessment(t, await assessmentOf(t, v1Round, 'lambeth'), levels(2), { version: 1 })

  // 2026 on version 2: every authority but Sutton takes part.
  const everyone = (await t.repos.organisations.list()).map(o => o.slug).filter(s => s !== 'sutton')
  v2Round = await createRound(t, { name: '2026 assessment', organisations: everyone })
  // Hackney 2026: level 3, but 5 on the split halves and on the new responsible AI question.
  await fillAssessment(
    t,
    await assessmentOf(t, v2Round, 'hackney'),
    levels(3, Object.fromEntries([...SPLIT_HALVES, 'data.use.responsible-ai'].map(k => [k, 5]))),
  )
  await fillAssessment(t, await assessmentOf(t, v2Round, 'camden'), levels(2))
  await fillAssessment(t, await assessmentOf(t, v2Round, 'islington'), q =>
    DIMENSIONS.indexOf(q.key.split('.')[0]!) === 2 ? 1 : 4,
  )
  await fillAssessment(t, await assessmentOf(t, v2Round, 'lambeth'), levels(5), { state: 'in_progress' })

  await t.services.questionnaires.upload(validDefinition(), null)
  await t.services.questionnaires.publish('test-maturity', 1, null)
  otherQuestionnaireRound = await t.services.rounds.create(
    {
      name: 'Pilot on another questionnaire',
      questionnaire: { key: 'test-maturity', version: 1 },
      opensOn: '2024-01-01',
      closesOn: '2024-03-31',
      organisations: ['hackney'],
    },
    null,
  )
  // Version 4 does not say how its questions map from version 3, so it cannot be compared with version 2.
  const v4 = structuredClone(await t.services.questionnaires.document('london-digital-maturity', 2)) as Record<
    string,
    unknown
  >
  delete v4.supersedes
  await t.services.questionnaires.upload({ ...v4, version: 4 }, null)
  await t.services.questionnaires.publish('london-digital-maturity', 4, null)
  unlinkedRound = await createRound(t, {
    name: '2027 assessment',
    version: 4,
    opensOn: '2027-10-01',
    closesOn: '2027-12-31',
  })
})
afterAll(() => t.close())

describe('the London map', () => {
  it('draws every authority on every map, labelled, with its score or why it has none', async () => {
    const html = (await analyst.get(`/rounds/${v2Round}/map`).expect(200)).text
    for (const key of ['overall', ...DIMENSIONS]) {
      const map = tiles(html, key)
      expect(map.size).toBe(33)
      expect(map.get('E09000012')?.label).toBe('HCK')
    }
    // Hackney's data: governance 3, quality 5 (the split halves), infrastructure 3, use (3 + 5) / 2 = 4.
    const data = tiles(html, 'data')
    expect(data.get('E09000012')).toMatchObject({ score: '3.75', title: 'Hackney: 3.75', hatched: false })
    expect(data.get('E09000029')).toMatchObject({
      label: 'STN',
      score: '–',
      hatched: true,
      title: 'Sutton: Not taking part',
    })
    expect(data.get('E09000022')).toMatchObject({ label: 'LBH', hatched: true, title: 'Lambeth: Not submitted' })
    // A group, not an image: each tile in it is a link to the authority's page, named by what it shows, then in full.
    expect(html).toMatch(/<svg class="app-london-map__svg" role="group" aria-labelledby="map-data-caption"/)
    expect(html).toContain(
      '<a class="app-map-tile__link" href="/organisations/sutton" aria-label="STN, Sutton: Not taking part">',
    )
  })

  it('outlines and marks exactly the weak tiles, below the threshold', async () => {
    const html = (await analyst.get(`/rounds/${v2Round}/map`).expect(200)).text
    const data = tiles(html, 'data')
    const weak = [...data].filter(([, tile]) => tile.classes.includes('app-map-tile--weak')).map(([gss]) => gss)
    // Camden is 2 throughout, Islington 1 on data; Hackney's 3.75 is not weak.
    expect(weak.sort()).toEqual(['E09000007', 'E09000019'])
    expect(data.get('E09000007')).toMatchObject({ score: '▼ 2.00', title: 'Camden: 2.00, weak' })
    expect(tiles(html, 'leadership').get('E09000019')?.classes).not.toContain('app-map-tile--weak')
    expect(html).toContain('2 of 3 scored authorities weak, below 2.50')
  })

  it('tabulates the same numbers as the heatmap API, for every authority', async () => {
    const html = (await analyst.get(`/rounds/${v2Round}/map?basis=self`).expect(200)).text
    const api = (await analyst.get(`/api/v1/rounds/${v2Round}/heatmap?basis=self`).expect(200)).body
    const table = tableRows(html, 'map-table')
    expect(table.size).toBe(33)
    for (const row of api.rows as { name: string; overall: number | null; cells: (number | null)[] }[]) {
      const expected = [row.overall, ...row.cells].map(s => (s === null ? 'Not submitted' : s.toFixed(2)))
      expect([row.name, table.get(row.name)]).toEqual([row.name, expected])
    }
    expect(table.get('Sutton')).toEqual(Array(6).fill('Not taking part'))
    expect(table.get('Hackney')).toEqual(['3.15', '3.00', '3.00', '3.75', '3.00', '3.00'])
  })

  it('moves the weak line with the threshold, and names a threshold off the scale', async () => {
    const raised = (await analyst.get(`/rounds/${v2Round}/map?threshold=3.5`).expect(200)).text
    expect(tiles(raised, 'overall').get('E09000012')?.classes).toContain('app-map-tile--weak')
    expect(tiles(raised, 'data').get('E09000012')?.classes).not.toContain('app-map-tile--weak')
    // At the bottom of the scale nothing can be below it, so nothing is outlined.
    const lowest = (await analyst.get(`/rounds/${v2Round}/map?threshold=1`).expect(200)).text
    for (const key of ['overall', ...DIMENSIONS])
      expect([...tiles(lowest, key).values()].filter(tile => tile.classes.includes('--weak'))).toEqual([])
    expect(lowest).toContain('0 of 3 scored authorities weak, below 1.00')
    const wrong = await analyst.get(`/rounds/${v2Round}/map?threshold=9&basis=self`).expect(400)
    expect(wrong.text).toContain('Weak threshold must be on the scale, from 1 to 5, not &#34;9&#34;')
    expect(wrong.text).toMatch(/id="threshold"[^>]*value="9"/)
    expect(wrong.text).toMatch(/id="basis-self"[^>]*value="self" checked/)
    expect(tiles(wrong.text, 'overall').size).toBe(33)
  })

  it('is refused to respondents and unknown for a round that does not exist', async () => {
    await respondent.get(`/rounds/${v2Round}/map`).expect(403)
    await analyst.get('/rounds/999999/map').expect(404)
  })
})

describe('the trend', () => {
  const api = (round: number, query = '') => analyst.get(`/api/v1/rounds/${round}/trend${query}`)

  it('compares with the latest earlier round by default, on comparable questions only', async () => {
    const body = (await api(v2Round).expect(200)).body
    expect(body.round).toEqual({ id: v2Round, name: '2026 assessment' })
    expect(body.against).toEqual({ id: v1Round, name: '2025 assessment' })
    // Version 1's 41 maturity questions, less the split one, the removed one, and the cloud question, which
    // kept its key in version 2 but, the erratum shipped against version 2 says, asks something else.
    expect(body.comparableQuestions).toBe(38)
    expect(body.notComparable).toEqual([
      { question: 'foundations.infrastructure.cloud', reason: expect.stringMatching(/^Version 1 asked how far/) },
    ])
    expect(body.dimensions.map((d: { key: string }) => d.key)).toEqual(DIMENSIONS)
    const hackney = body.rows.find((r: { gss: string }) => r.gss === 'E09000012')
    // 2025 on comparable questions: leadership (1, moderated + 2 + (2 + 4, moved in) / 2) / 3 = 2, the rest 2.
    // 2026: 3 everywhere once the split halves and the new question are left out.
    for (const d of hackney.dimensions) {
      expect(d.previous).toBeCloseTo(2, 10)
      expect(d.current).toBeCloseTo(3, 10)
      expect(d.change).toBeCloseTo(1, 10)
    }
    expect(hackney.overall.change).toBeCloseTo(1, 10)
    const nulls = { previous: null, current: null, change: null }
    for (const gss of ['E09000007', 'E09000019', 'E09000022']) {
      expect(body.rows.find((r: { gss: string }) => r.gss === gss).overall).toEqual(nulls)
    }
  })

  it('shows each change with its sign, arrow words and both scores, and says why a row has none', async () => {
    const html = (await analyst.get(`/rounds/${v2Round}/trend`).expect(200)).text
    const table = tableRows(html, 'trend-table')
    expect(table.get('Hackney')).toEqual(Array(6).fill('+1.00 2.00 to 3.00'))
    expect(html).toMatch(
      /<span aria-hidden="true">▲<\/span> \+1\.00<span class="govuk-visually-hidden"> \(up\)<\/span>/,
    )
    expect(table.get('Camden')).toEqual(['Not taking part in 2025 assessment'])
    expect(table.get('Islington')).toEqual(['Not submitted in 2025 assessment'])
    expect(table.get('Lambeth')).toEqual(['Not submitted in 2026 assessment'])
    expect(html).toContain('Compared on the <strong>38 scored questions</strong>')
    expect(html).toContain('Questions left out of the comparison (4)')
    expect(html).toContain('Not comparable, by an erratum')
    expect(html).toMatch(
      /“How well does your council use cloud hosting[^”]*” keeps its key but asks something else now: Version 1 asked how far/,
    )
    expect(html).toMatch(/<option value="\d+" selected>2025 assessment/)
  })

  it('shows a fall as negative, down and orange', async () => {
    const lambeth = await assessmentOf(t, v2Round, 'lambeth')
    await t.repos.assessments.setState(lambeth, 'submitted', {})
    await recordModerations(t, lambeth, (await t.createUser('assessor')).id, {
      'leadership.strategy.digital-strategy': { level: 1 },
      'leadership.governance.investment-governance': { level: 1 },
      'leadership.collaboration.cross-borough': { level: 1 },
      'leadership.collaboration.collaborative-procurement': { level: 1 },
    })
    const html = (await analyst.get(`/rounds/${v2Round}/trend`).expect(200)).text
    // Leadership: 2 in 2025, 1 once moderated in 2026.
    expect(tableRows(html, 'trend-table').get('Lambeth')?.[0]).toBe('−1.00 2.00 to 1.00')
    expect(html).toMatch(
      /app-heat--below-3">\s*<span class="app-trend__change"><span aria-hidden="true">▼<\/span> −1\.00<span class="govuk-visually-hidden"> \(down\)/,
    )
    await t.repos.assessments.setState(lambeth, 'in_progress', {})
  })

  it('draws the table’s numbers on a slope panel per column, with the median, and says what they show', async () => {
    // Lambeth handed in, its leadership lowered to 1 by an assessor (above): it fell there and rose elsewhere.
    const lambeth = await assessmentOf(t, v2Round, 'lambeth')
    await t.repos.assessments.setState(lambeth, 'submitted', {})
    try {
      const html = (await analyst.get(`/rounds/${v2Round}/trend`).expect(200)).text
      const table = tableById(html, 'trend-table')
      const rows = new Map(table.rows.map(r => [r[0]!, r.slice(1)]))
      const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.01)
      const median = (values: number[]) => {
        const [a, b] = [...values].sort((x, y) => x - y)
        return (a! + b!) / 2
      }
      for (const key of ['overall', ...DIMENSIONS]) {
        const panel = chartPanel(html, key)
        expect(panel.role).toBe('img')
        expect(panel.name).toMatch(new RegExp(`^${panel.title} \\d of 2 organisations rose|^${panel.title} None of 2`))
        const column = table.headers.indexOf(panel.title) - 1
        const lines = slopeLines(panel)
        // Only Hackney and Lambeth handed in both; no one else has a line.
        expect([...lines.keys()].sort()).toEqual(['E09000012', 'E09000022'])
        const tabled = [...lines.values()].map(line => {
          const name = line.title.split(':')[0]!
          const [, previous, current] = /(\d\.\d\d) to (\d\.\d\d)$/.exec(rows.get(name)![column]!)!.map(Number)
          near(line.previous, previous!)
          near(line.current, current!)
          expect(line.title).toContain(`${previous!.toFixed(2)} to ${current!.toFixed(2)}`)
          expect(line.direction).toBe(current! > previous! ? 'rose' : current! < previous! ? 'fell' : 'same')
          return { previous: previous!, current: current! }
        })
        const drawn = medianLine(panel)!
        near(drawn.previous, median(tabled.map(x => x.previous)))
        near(drawn.current, median(tabled.map(x => x.current)))
        expect(drawn.printed).toEqual([drawn.previous.toFixed(2), drawn.current.toFixed(2)])
      }
      expect(slopeLines(chartPanel(html, 'leadership')).get('E09000022')?.direction).toBe('fell')
      expect(html).toMatch(
        /<p class="govuk-body" id="trend-summary">Between 2025 assessment and 2026 assessment, 2 of 2 organisations rose overall; the median moved from 2\.00 to [\d.]+\. By dimension, 2 rose on each of 4 dimensions; the most fell on Leadership and strategy \(1 of 2\)\.<\/p>/,
      )
    } finally {
      await t.repos.assessments.setState(lambeth, 'in_progress', {})
    }
  })

  it('refuses a round to compare with that is missing, the same, later, or on another questionnaire', async () => {
    const refused = async (round: number, against: string, status: number, message: RegExp) => {
      const response = await api(round, `?against=${against}`).expect(status)
      expect(response.body.message).toMatch(message)
    }
    await refused(v2Round, '999999', 404, /There is no round 999999 to compare with/)
    await refused(v2Round, 'abc', 400, /against must be the number of a round to compare with, like 12, not "abc"/)
    await refused(v2Round, String(v2Round), 400, /against must be a different round from 2026 assessment/)
    await refused(v1Round, String(v2Round), 400, /against must be a round that opened before 2025 assessment/)
    await refused(
      v2Round,
      String(otherQuestionnaireRound),
      400,
      /only rounds on the same questionnaire can be compared/,
    )
    await refused(unlinkedRound, String(v2Round), 400, /does not record how its questions map from version 2/)
    await refused(v1Round, '', 400, /There is no earlier round on this questionnaire to compare 2025 assessment with/)
    await analyst.get('/api/v1/rounds/999999/trend').expect(404)
  })

  it('explains a refused comparison on the page, beside the round picker', async () => {
    const page = await analyst.get(`/rounds/${v2Round}/trend?against=${otherQuestionnaireRound}`).expect(400)
    expect(page.text).toContain('govuk-error-summary')
    expect(page.text).toContain('only rounds on the same questionnaire can be compared')
    expect(page.text).toMatch(/<select class="govuk-select govuk-select--error" id="against"/)
    await analyst.get(`/rounds/${v2Round}/trend?against=999999`).expect(404)
    const first = (await analyst.get(`/rounds/${v1Round}/trend`).expect(200)).text
    expect(first).toContain(
      'There is no earlier round on this questionnaire, with questions linked to this one, to compare 2025 assessment with.',
    )
  })

  it('is refused to respondents', async () => {
    await respondent.get(`/rounds/${v2Round}/trend`).expect(403)
    const response = await respondent.get(`/api/v1/rounds/${v2Round}/trend`).expect(403)
    expect(response.body.error).toBe('forbidden')
  })
})
