import { parse } from 'csv-parse/sync'
import type { Question } from '../../../src/domain/questionnaire/definition'
import { fillAssessment, recordModerations } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'
import { heatmapTable } from '../../support/html-table'

let t: TestApp
let analyst: Agent
let roundId: number
let partnershipId: number

const DIMENSIONS = ['leadership', 'culture', 'data', 'foundations', 'services']

/** Every maturity question of a dimension at one level: the dimension's score is that level, whatever the weights. */
const byDimension =
  (levels: number[], overrides: Record<string, number | null | 'n/a'> = {}) =>
  (q: Question): number | null | 'n/a' =>
    q.key in overrides ? overrides[q.key]! : levels[DIMENSIONS.indexOf(q.key.split('.')[0]!)]!

// Two planted groups, each weak on its own dimensions, with small differences inside each group.
const WEAK_LEADERS = { greenwich: [1, 1, 4, 4, 4], lewisham: [1, 1, 5, 4, 4], southwark: [1, 1, 4, 3, 4] }
const WEAK_SERVICES = { barnet: [4, 4, 4, 2, 1], enfield: [5, 5, 4, 2, 1], harrow: [4, 4, 4, 2, 2] }

const api = (query = '') => analyst.get(`/api/v1/rounds/${roundId}/heatmap${query}`)
const rowNamed = (body: { rows: { name: string }[] }, name: string) => {
  const row = body.rows.find(r => r.name === name)
  if (!row) throw new Error(`no row for ${name}`)
  return row as { name: string; state: string; moderated: boolean; overall: number | null; cells: (number | null)[] }
}
const expectScores = (actual: (number | null)[], expected: (number | null)[]) => {
  expect(actual).toHaveLength(expected.length)
  expected.forEach((e, i) => (e === null ? expect(actual[i]).toBeNull() : expect(actual[i]).toBeCloseTo(e, 10)))
}

beforeAll(async () => {
  t = await createTestApp()
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
})
afterAll(() => t.close())

it('says there is nothing to show before any round exists', async () => {
  const response = await analyst.get('/insights').expect(200)
  expect(response.text).toContain('There are no assessment rounds yet')
})

describe('with a round of planted results', () => {
  beforeAll(async () => {
    const groups = { ...WEAK_LEADERS, ...WEAK_SERVICES }
    roundId = await createRound(t, {
      name: 'Heatmap round',
      organisations: ['hackney', 'camden', 'lambeth', ...Object.keys(groups)],
    })
    const hackney = await assessmentOf(t, roundId, 'hackney')
    await fillAssessment(t, hackney, byDimension([1, 2, 3, 4, 5]), { state: 'moderated' })
    const assessor = await t.createUser('assessor')
    await recordModerations(t, hackney, assessor.id, { 'leadership.strategy.digital-strategy': { level: 5 } })
    // Data protection weighs 2 in its theme; cloud hosting is the only question of its theme.
    await fillAssessment(
      t,
      await assessmentOf(t, roundId, 'camden'),
      byDimension([3, 3, 3, 3, 3], {
        'data.governance.data-ownership': 1,
        'data.governance.data-protection': 4,
        'data.governance.information-sharing': 1,
        'foundations.infrastructure.cloud': 'n/a',
        'culture.inclusion.digital-inclusion': null,
      }),
    )
    // Answers in a draft must never reach the heatmap.
    await fillAssessment(t, await assessmentOf(t, roundId, 'lambeth'), () => 5, { state: 'in_progress' })
    for (const [slug, levels] of Object.entries(groups))
      await fillAssessment(t, await assessmentOf(t, roundId, slug), byDimension(levels))
    const members = await Promise.all(
      ['greenwich', 'lewisham', 'southwark', 'croydon'].map(async s => (await t.repos.organisations.findBySlug(s))!.id),
    )
    partnershipId = await t.repos.partnerships.create({
      name: 'South East Partnership',
      description: '',
      memberIds: members,
    })
  })

  describe('the API', () => {
    it('scores each dimension by the published rule, with moderated levels only on the final basis', async () => {
      const { body } = await api().expect(200)
      expect(body.round).toEqual({ id: roundId, name: 'Heatmap round' })
      expect([body.level, body.basis, body.weakThreshold]).toEqual(['dimension', 'final', 2.5])
      expect(body.columns.map((c: { key: string }) => c.key)).toEqual(DIMENSIONS)
      expect(body.columns[0]).toEqual({ key: 'leadership', title: 'Leadership and strategy' })

      // Hackney's strategy question moderated from 1 to 5: leadership = (5 + 1 + 1) / 3 over its three themes.
      const hackney = rowNamed(body, 'Hackney')
      expect([hackney.state, hackney.moderated]).toEqual(['moderated', true])
      expectScores(hackney.cells, [7 / 3, 2, 3, 4, 5])
      expect(hackney.overall).toBeCloseTo((7 / 3 + 2 + 3 + 4 + 5) / 5, 10)

      // Data governance = (1 + 2 × 4 + 1) / 4 = 2.5; data = (2.5 + 3 + 3 + 3) / 4. Cloud (N/A) and the
      // unanswered inclusion question drop their themes without pulling the dimensions down.
      const camden = rowNamed(body, 'Camden')
      expect([camden.state, camden.moderated]).toEqual(['submitted', false])
      expectScores(camden.cells, [3, 3, 2.875, 3, 3])
      expect(camden.overall).toBeCloseTo(14.875 / 5, 10)

      const lambeth = rowNamed(body, 'Lambeth')
      expect(lambeth).toMatchObject({ state: 'in_progress', moderated: false, overall: null })
      expect(lambeth.cells).toEqual([null, null, null, null, null])
      expect(body.rows.map((r: { name: string }) => r.name)).toEqual([
        'Barnet',
        'Camden',
        'Enfield',
        'Greenwich',
        'Hackney',
        'Harrow',
        'Lambeth',
        'Lewisham',
        'Southwark',
      ])
    })

    it('gives the self-assessed scores on the self basis', async () => {
      const { body } = await api('?basis=self').expect(200)
      expect(body.basis).toBe('self')
      const hackney = rowNamed(body, 'Hackney')
      expectScores(hackney.cells, [1, 2, 3, 4, 5])
      expect(hackney.overall).toBeCloseTo(3, 10)
    })

    it('drills down to the themes of a dimension and the questions of a theme', async () => {
      const leadership = (await api('?level=theme&parent=leadership').expect(200)).body
      expect(leadership.columns.map((c: { key: string }) => c.key)).toEqual([
        'leadership.strategy',
        'leadership.governance',
        'leadership.collaboration',
      ])
      expectScores(rowNamed(leadership, 'Hackney').cells, [5, 1, 1])
      expectScores(rowNamed(leadership, 'Lambeth').cells, [null, null, null])

      const foundations = (await api('?level=theme&parent=foundations').expect(200)).body
      // The context theme scores nothing, so it is no column at all.
      expect(foundations.columns.map((c: { title: string }) => c.title)).not.toContain(
        'About your council (context, not scored)',
      )
      expectScores(rowNamed(foundations, 'Camden').cells, [null, 3, 3, 3])

      const governance = (await api('?level=question&parent=data.governance').expect(200)).body
      expect(governance.columns.map((c: { key: string }) => c.key)).toEqual([
        'data.governance.data-ownership',
        'data.governance.data-protection',
        'data.governance.information-sharing',
      ])
      expect(governance.columns[0].title).toMatch(/^How does your council assign responsibility for its data/)
      expect(rowNamed(governance, 'Camden').cells).toEqual([1, 4, 1])

      const strategy = (await api('?level=question&parent=leadership.strategy').expect(200)).body
      expect(rowNamed(strategy, 'Hackney').cells).toEqual([5])
      expect(
        rowNamed((await api('?level=question&parent=leadership.strategy&basis=self')).body, 'Hackney').cells,
      ).toEqual([1])
    })

    it('orders rows by overall score, weakest first, with unscored rows last', async () => {
      const { body } = await api('?order=overall').expect(200)
      // Southwark 2.6, Greenwich 2.8, Camden 2.975, Barnet and Lewisham 3.0 (by name), Harrow 3.2,
      // Hackney 3.27, Enfield 3.4, then Lambeth with no score.
      expect(body.rows.map((r: { name: string }) => r.name)).toEqual([
        'Southwark',
        'Greenwich',
        'Camden',
        'Barnet',
        'Lewisham',
        'Harrow',
        'Hackney',
        'Enfield',
        'Lambeth',
      ])
    })

    it('orders rows by similarity, so each planted group sits together', async () => {
      const { body } = await api('?order=similarity').expect(200)
      const names: string[] = body.rows.map((r: { name: string }) => r.name)
      const positions = (group: object) =>
        Object.keys(group).map(slug => names.indexOf(slug.charAt(0).toUpperCase() + slug.slice(1)))
      for (const group of [WEAK_LEADERS, WEAK_SERVICES]) {
        const at = positions(group).sort((a, b) => a - b)
        expect(at[2]! - at[0]!).toBe(2)
      }
      expect(names.at(-1)).toBe('Lambeth')
    })

    it('keeps only a partnership’s members that take part in the round', async () => {
      const { body } = await api(`?partnership=${partnershipId}`).expect(200)
      expect(body.rows.map((r: { name: string }) => r.name)).toEqual(['Greenwich', 'Lewisham', 'Southwark'])
    })

    it('reports the weak threshold in use', async () => {
      expect((await api('?threshold=3.5')).body.weakThreshold).toBe(3.5)
    })
  })

  describe('the page', () => {
    it('shows each score to two decimals, the state only where it is not the usual one, and why a cell is empty', async () => {
      const html = (await analyst.get(`/rounds/${roundId}/heatmap`).expect(200)).text
      const table = heatmapTable(html)
      expect(table.headers).toEqual([
        'Organisation',
        'Status',
        'Overall',
        'Leadership and strategy',
        'Culture and skills',
        'Data',
        'Technology foundations',
        'Service redesign and innovation',
      ])
      // Seven of the nine are submitted: said once, and the other two named in their rows.
      expect(html).toContain('7 of 9 assessments are submitted; the Status column gives the state of the other 2.')
      expect(table.rows.map(r => r[1])).toEqual(['', '', '', '', 'Moderated', '', 'In progress', '', ''])
      expect(table.row('Hackney')).toEqual(['Hackney', 'Moderated', '3.27', '2.33', '2.00', '3.00', '4.00', '5.00'])
      expect(table.row('Camden')).toEqual(['Camden', '', '2.98', '3.00', '3.00', '2.88', '3.00', '3.00'])
      // A row not handed in says so once, across every score column.
      expect(table.row('Lambeth')).toEqual(['Lambeth', 'In progress', ...Array(6).fill('Not submitted')])
      expect(html.match(/colspan="6"[^>]*>Not submitted</g)).toHaveLength(1)
    })

    it('names each organisation by a link to its own page', async () => {
      const html = (await analyst.get(`/rounds/${roundId}/heatmap`).expect(200)).text
      const links = [...html.matchAll(/<th scope="row"[^>]*><a class="govuk-link" href="([^"]+)">([^<]+)<\/a>/g)]
      expect(links).toHaveLength(9)
      for (const [, href, name] of links) {
        const hub = await analyst.get(href!).expect(200)
        expect(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(hub.text)?.[1]).toContain(name!)
      }
    })

    it('shows the similarity tree beside the rows only in similarity order, with its first split in words', async () => {
      const similar = (await analyst.get(`/rounds/${roundId}/heatmap?order=similarity`).expect(200)).text
      expect(similar).toMatch(/<td class="govuk-table__cell app-heatmap__tree" rowspan="9" aria-hidden="true"><svg/)
      const names = heatmapTable(similar).rows.map(r => r[0])
      // Eight scored rows are the tree's leaves; Lambeth, with no scores, is below them and outside it.
      expect(names.at(-1)).toBe('Lambeth')
      expect(similar).toMatch(/Its first split is between rows 1 to \d \([^)]+\) and rows \d to 8 \([^)]+\)\./)
      const byName = (await analyst.get(`/rounds/${roundId}/heatmap`).expect(200)).text
      expect(byName).not.toContain('app-heatmap-tree')
    })

    it('marks weak cells in words for a screen reader, and only those', async () => {
      const html = (await analyst.get(`/rounds/${roundId}/heatmap`).expect(200)).text
      const spoken = heatmapTable(html, { spoken: true })
      expect(spoken.row('Hackney')).toEqual([
        'Hackney',
        'Moderated',
        '3.27',
        '2.33 (weak)',
        '2.00 (weak)',
        '3.00',
        '4.00',
        '5.00',
      ])
      // The threshold is strict: a score of exactly 2.5 is not weak.
      const themes = heatmapTable((await analyst.get(`/rounds/${roundId}/heatmap?level=theme&parent=data`)).text, {
        spoken: true,
      })
      expect(themes.row('Camden').slice(3)).toEqual(['2.50', '3.00', '3.00', '3.00'])
    })

    it('links each dimension to its themes, each theme to its questions, and back up', async () => {
      const top = (await analyst.get(`/rounds/${roundId}/heatmap?basis=self`)).text
      const toData = `/rounds/${roundId}/heatmap?level=theme&amp;parent=data&amp;basis=self`
      expect(top).toContain(`href="${toData}"`)
      const data = (await analyst.get(toData.replace(/&amp;/g, '&')).expect(200)).text
      expect(data).toContain('Heatmap: Data')
      const toGovernance = `/rounds/${roundId}/heatmap?level=question&amp;parent=data.governance&amp;basis=self`
      expect(data).toContain(`href="${toGovernance}"`)
      const governance = (await analyst.get(toGovernance.replace(/&amp;/g, '&')).expect(200)).text
      const table = heatmapTable(governance)
      // Short names head the questions; each is a button its full prompt describes, shown on hover and focus.
      expect(table.headers.slice(2)).toEqual([
        'Data governance and protection overall',
        'Data ownership',
        'Data protection',
        'Information sharing',
      ])
      expect(governance).toMatch(
        /<button type="button" class="app-heatmap__question" aria-describedby="(prompt-[^"]+)">Data ownership<\/button><span id="\1" role="tooltip" class="app-heatmap__tooltip">How does your council assign responsibility for its data/,
      )
      // The first score is the theme's: (1 + 2 × 4 + 1) / 4 on the self basis too, as nothing was moderated.
      expect(table.row('Camden').slice(2)).toEqual(['2.50', '1', '4', '1'])
      // Breadcrumbs back to all dimensions and to Data, keeping the basis.
      expect(governance).toContain(`href="/rounds/${roundId}/heatmap?basis=self">All dimensions</a>`)
      expect(governance).toContain(`href="${toData}">Data</a>`)
      const foundations = heatmapTable(
        (await analyst.get(`/rounds/${roundId}/heatmap?level=theme&parent=foundations`)).text,
      )
      expect(foundations.headers[2]).toBe('Technology foundations overall')
      expect(foundations.row('Camden').slice(2)).toEqual(['3.00', 'N/A', '3.00', '3.00', '3.00'])
      const inclusion = heatmapTable(
        (await analyst.get(`/rounds/${roundId}/heatmap?level=question&parent=culture.inclusion`)).text,
      )
      expect(inclusion.row('Camden').slice(2)).toEqual(['No score', 'Not answered'])
    })

    it('keeps the analyst’s controls in the download and the links to the other views', async () => {
      const query = `?basis=self&threshold=3&order=overall&partnership=${partnershipId}`
      const html = (await analyst.get(`/rounds/${roundId}/heatmap${query}`).expect(200)).text
      const kept = `basis=self&amp;threshold=3&amp;order=overall&amp;partnership=${partnershipId}`
      for (const view of ['heatmap.csv', 'clusters', 'map', 'trend'])
        expect(html).toContain(`href="/rounds/${roundId}/${view}?${kept}"`)
      expect(html).toContain('Download this view (CSV)')
    })

    it('gives a CSV of exactly the rows and scores the page shows, in the same order, with every row’s state', async () => {
      for (const query of [
        '?order=similarity',
        `?level=theme&parent=foundations&order=overall&basis=self`,
        `?partnership=${partnershipId}&level=question&parent=data.governance`,
      ]) {
        const page = heatmapTable((await analyst.get(`/rounds/${roundId}/heatmap${query}`).expect(200)).text)
        const csv = await analyst.get(`/rounds/${roundId}/heatmap.csv${query}`).expect(200)
        expect(csv.headers['content-type']).toMatch(/^text\/csv/)
        expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="?heatmap-heatmap-round-/)
        expect(csv.text.charCodeAt(0)).toBe(0xfeff)
        const records: string[][] = parse(csv.text, { bom: true })
        // The page gives a state only where it is not the usual one; the CSV gives every row's in full.
        const withoutStatus = (row: string[]) => [row[0], ...row.slice(2)]
        const pageScores = page.headers[1] === 'Status' ? page.rows.map(withoutStatus) : page.rows
        expect(records.slice(1).map(withoutStatus)).toEqual(pageScores)
        expect(records.slice(1).every(r => /^(Moderated|Submitted, not yet moderated|Not submitted)/.test(r[1]!))).toBe(
          true,
        )
        expect(records[0]![1]).toBe('Status')
        expect(records[0]![2]).toBe(page.headers.at(-pageScores[0]!.length + 1))
      }
    })

    it('orders drilled-down rows by the score beside the names, weakest first', async () => {
      const html = (await analyst.get(`/rounds/${roundId}/heatmap?level=theme&parent=leadership&order=overall`)).text
      const scores = heatmapTable(html)
        .rows.map(r => r[2]!)
        .filter(s => /^\d/.test(s))
        .map(Number)
      expect(scores).toEqual([...scores].sort((a, b) => a - b))
      expect(html).toContain('ordered by Leadership and strategy overall, weakest first')
    })

    it('neutralises an organisation name a spreadsheet would run as a formula', async () => {
      await t.db.knex('organisations').where({ slug: 'enfield' }).update({ name: '=HYPERLINK("http://evil")' })
      try {
        const csv = await analyst.get(`/rounds/${roundId}/heatmap.csv`).expect(200)
        const records: string[][] = parse(csv.text, { bom: true })
        expect(records.map(r => r[0])).toContain(`'=HYPERLINK("http://evil")`)
      } finally {
        await t.db.knex('organisations').where({ slug: 'enfield' }).update({ name: 'Enfield' })
      }
    })
  })

  describe('/insights', () => {
    it('opens the latest round’s heatmap, carrying the chosen controls', async () => {
      const latest = (await t.services.rounds.list())[0]!.id
      expect((await analyst.get('/insights').expect(302)).headers.location).toBe(`/rounds/${latest}/heatmap`)
      const chosen = await analyst.get(`/insights?round=${roundId}&basis=self&partnership=&threshold=3`).expect(302)
      expect(chosen.headers.location).toBe(`/rounds/${roundId}/heatmap?basis=self&threshold=3`)
      await analyst.get('/insights?round=999999').expect(404)
    })
  })

  describe('bad input', () => {
    const BAD: [string, number, string, RegExp][] = [
      ['?level=county', 400, 'level', /level must be one of "dimension", "theme", "question", not "county"/],
      ['?basis=median', 400, 'basis', /basis must be one of "final", "self", not "median"/],
      ['?threshold=0', 400, 'threshold', /threshold must be on the scale, from 1 to 5, not "0"/],
      ['?threshold=5.5', 400, 'threshold', /threshold must be on the scale, from 1 to 5, not "5.5"/],
      ['?threshold=weak', 400, 'threshold', /threshold must be a number, not "weak"/],
      ['?order=random', 400, 'order', /order must be one of "name", "overall", "similarity", not "random"/],
      ['?level=theme', 400, 'parent', /parent must name the dimension to open/],
      ['?partnership=abc', 400, 'partnership', /partnership must be a partnership’s number, not "abc"/],
      ['?k=0', 400, 'k', /k must be a positive whole number, not "0"/],
    ]

    it.each(BAD)('the API answers %s with %d naming %s', async (query, status, field, message) => {
      const { body } = await api(query).expect(status)
      expect(body.errors).toEqual([{ field, message: expect.stringMatching(message) }])
    })

    it.each([
      ['?level=theme&parent=nowhere', /There is no dimension "nowhere" in this round’s questionnaire/],
      ['?level=question&parent=leadership', /There is no theme "leadership" in this round’s questionnaire/],
      ['?partnership=999999', /There is no such partnership/],
    ])('the API answers an unknown key %s with 404', async (query, message) => {
      expect((await api(query).expect(404)).body.message).toMatch(message)
    })

    it('the API answers an unknown round with 404', async () => {
      expect((await analyst.get('/api/v1/rounds/999999/heatmap').expect(404)).body.message).toBe(
        'There is no such round',
      )
      await analyst.get('/api/v1/rounds/abc/heatmap').expect(404)
    })

    it.each(BAD)(
      'the page shows %s with a %d error summary naming %s, and the rest of the view',
      async (query, status, field) => {
        const html = (await analyst.get(`/rounds/${roundId}/heatmap${query}`).expect(status)).text
        const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''
        const label = {
          level: 'The level',
          parent: 'The drill-down',
          basis: 'Basis',
          threshold: 'Weak threshold',
          order: 'Row order',
          partnership: 'Partnership',
          k: 'Number of peer groups',
        }[field]
        expect(summary).toContain(`>${label} `)
        expect(heatmapTable(html).rows).toHaveLength(9)
      },
    )

    it('keeps the analyst’s other choices when one control is wrong, and shows the wrong value back', async () => {
      const html = (
        await analyst.get(`/rounds/${roundId}/heatmap?basis=self&threshold=9&level=theme&parent=leadership`).expect(400)
      ).text
      expect(html).toMatch(/<title>Error: /)
      expect(html).toContain('value="9"')
      expect(heatmapTable(html).row('Hackney').slice(3)).toEqual(['1.00', '1.00', '1.00'])
    })

    it('names an unknown drill-down or partnership on the page with 404 and shows the whole round', async () => {
      const parent = (await analyst.get(`/rounds/${roundId}/heatmap?level=theme&parent=nowhere`).expect(404)).text
      expect(parent).toContain('There is no dimension &#34;nowhere&#34; in this round’s questionnaire')
      expect(heatmapTable(parent).headers).toContain('Data')
      const partnership = (await analyst.get(`/rounds/${roundId}/heatmap?partnership=999999`).expect(404)).text
      expect(partnership).toContain('There is no partnership numbered &#34;999999&#34;')
      expect(heatmapTable(partnership).rows).toHaveLength(9)
    })

    it('answers an unknown round on the page and the CSV with 404, and a bad CSV query with 400', async () => {
      expect((await analyst.get('/rounds/999999/heatmap').expect(404)).text).toContain('There is no such round')
      await analyst.get('/rounds/999999/heatmap.csv').expect(404)
      const bad = await analyst.get(`/rounds/${roundId}/heatmap.csv?basis=median`).expect(400)
      expect(bad.text).toContain('basis must be one of')
    })

    it('refuses respondents the page, the CSV and the API', async () => {
      const respondent = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email))
        .agent
      for (const path of [
        `/rounds/${roundId}/heatmap`,
        `/rounds/${roundId}/heatmap.csv`,
        `/api/v1/rounds/${roundId}/heatmap`,
        '/insights',
      ]) {
        const response = await respondent.get(path).expect(403)
        expect(response.text).not.toContain('Camden')
      }
    })
  })
})
