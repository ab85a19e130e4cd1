import { assessmentOf, createRound } from '../../support/rounds'
import { fillAssessment } from '../../support/results'
import { plantClusters, PARTNERSHIP } from '../../support/planted-clusters'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let roundId: number
let partnershipId: number
let analyst: Agent
let respondent: Agent
let descriptor: (key: string, level: number) => string

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&#34;|&quot;/g, '"')
    .replace(/\s+/g, ' ')
    // A name that is a link ends in a tag, which became a space before the comma that follows it.
    .replace(/ ,/g, ',')
    .trim()

/** The first `<tag …attribute="value"…>…</tag>` in the page; tags of this kind do not nest here. */
function element(html: string, tag: string, attribute: string, value: string): string {
  const found = new RegExp(`<${tag}[^>]*${attribute}="${value}"[\\s\\S]*?</${tag}>`).exec(html)?.[0]
  if (!found) throw new Error(`no <${tag} ${attribute}="${value}">`)
  return found
}

/** Each weak column's heading, in page order. */
const columnHeadings = (html: string) =>
  [...html.matchAll(/<section class="app-cluster-column"[^>]*>\s*<h3[^>]*>([^<]*)<\/h3>/g)].map(m => decode(m[1]!))

/** Each peer group's name, in page order. */
const peerNames = (html: string) =>
  [...html.matchAll(/<section class="app-peer-group"[^>]*>\s*<h3[^>]*>([^<]*)<\/h3>/g)].map(m => decode(m[1]!))

/** The names in the tooltips of a map's tiles marked with this cluster letter. */
const markedOnMap = (map: string, letter: string) =>
  [
    ...map.matchAll(
      new RegExp(`<g [^>]*data-letter="${letter}"[^>]*>\\s*<title>([^<]*), cluster ${letter}</title>`, 'g'),
    ),
  ]
    .map(m => decode(m[1]!))
    .sort()

/** The words of each item of a list. */
const rowsOfList = (list: string) =>
  [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map(m => decode(m[1]!).replace(/ :/g, ':'))

/** Each row of a table, anywhere in this piece of the page, as the words in its cells. */
const rowsOf = (piece: string) =>
  [...piece.slice(piece.indexOf('<tbody')).matchAll(/<tr[\s\S]*?<\/tr>/g)].map(row =>
    [...row[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(cell => decode(cell[1]!)),
  )

/** The text of each body row of the table with this id. */
function table(html: string, id: string): string[][] {
  const found = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0]
  if (!found) throw new Error(`no table #${id}`)
  return [...found.slice(found.indexOf('<tbody')).matchAll(/<tr[\s\S]*?<\/tr>/g)].map(row =>
    [...row[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(cell => decode(cell[1]!)),
  )
}

const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map(m => m[1]!.replace(/&amp;/g, '&'))

beforeAll(async () => {
  t = await createTestApp()
  ;({ roundId, partnershipId } = await plantClusters(t))
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  respondent = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)).agent
  const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const questions = new Map(
    definition.dimensions.flatMap(d => d.themes.flatMap(th => th.questions)).map(q => [q.key, q]),
  )
  descriptor = (key, level) => {
    const q = questions.get(key)
    if (q?.type !== 'maturity') throw new Error(`${key} is not a maturity question`)
    return q.levels[String(level) as '1']
  }
})
afterAll(() => t.close())

describe('the clusters page', () => {
  let html: string
  beforeAll(async () => {
    html = (await analyst.get(`/rounds/${roundId}/clusters`).expect(200)).text
  })

  it('puts everything about Data under one heading, and no other column gets one', () => {
    expect(columnHeadings(html)).toEqual(['Data'])
    const data = decode(element(html, 'section', 'data-column', 'data'))
    expect(data).toContain(
      '6 organisations are weak here, 18% of London’s 33: 5 separate buyers when each partnership counts once, with a mean score of 1.50 out of 5. ' +
        'Camden, Hackney, Sutton, Bexley, Bromley, Islington',
    )
    expect(data).toContain('Data on the heatmap, theme by theme')
  })

  it('draws the two neighbouring groups on the map of Data, each marked and listed under one letter, Sutton in neither', () => {
    const map = element(html, 'figure', 'data-map', 'cluster-map-data')
    expect(map).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="cluster-map-data-caption"/)
    expect(decode(map)).toContain('2 clusters, outlined, striped and lettered: A, 3 authorities and B, 2 authorities.')
    // Every authority has a tile; only the clusters' members are marked.
    expect(map.match(/<g class="app-cluster-tile/g)).toHaveLength(33)
    expect(map.match(/data-letter=/g)).toHaveLength(5)
    const rows = rowsOf(element(html, 'table', 'id', 'cluster-map-data-table'))
    expect(rows).toEqual([
      ['A', 'Camden, Hackney, Islington', '1.33', 'Brief for a collective response: Data, neighbours in cluster A'],
      ['B', 'Bexley, Bromley', '2.00', 'Brief for a collective response: Data, neighbours in cluster B'],
    ])
    for (const [letter, members] of rows) expect(markedOnMap(map, letter!)).toEqual(members!.split(', ').sort())
    expect(map).not.toMatch(/<title>Sutton, cluster/)
  })

  it('names the four peer groups from their profiles against London’s mean, weakest first', () => {
    expect(peerNames(html)).toEqual([
      'Weak data, averaging 1.00',
      'Weak data, averaging 2.00',
      'Close to London’s mean',
      'Strong all round',
    ])
    const first = decode(element(html, 'section', 'data-peer', '1'))
    expect(first).toContain('3 organisations: Camden, Hackney, Sutton Mean score 2.60 out of 5, across dimensions')
    expect(first).toContain('Against London’s mean it is furthest below on Data (−1.83).')
    expect(decode(element(html, 'section', 'data-peer', '3'))).toMatch(/20 organisations: .*Croydon/)
    expect(decode(element(html, 'section', 'data-peer', '3'))).not.toContain('Harrow')
    expect(html).not.toContain('id="outliers"')
    expect(decode(html)).toContain(
      '30 of the 31 counted organisations have a score in every dimension; the others are left out rather than guessed at: 4 groups of two or more.',
    )
  })

  it('draws each peer group’s profile as an SVG chart holding the same numbers as its table', () => {
    for (const number of ['1', '2', '3', '4']) {
      const group = element(html, 'section', 'data-peer', number)
      const chart = element(group, 'svg', 'role', 'img')
      const drawn = [...chart.matchAll(/data-dimension="[^"]*" data-value="([^"]*)" data-london="([^"]*)"/g)].map(m => [
        m[1],
        m[2],
      ])
      const shown = [...chart.matchAll(/<text class="app-profile-chart__value"[^>]*>([^<]*)</g)].map(m => m[1])
      const table = rowsOf(element(group, 'table', 'id', `peer-${number}-chart-table`))
      expect(drawn).toHaveLength(5)
      expect(drawn).toEqual(table.map(row => [row[1], row[2]]))
      expect(shown).toEqual(table.map(row => row[1]))
    }
    expect(rowsOf(element(html, 'table', 'id', 'peer-1-chart-table'))[2]).toEqual(['Data', '1.00', '2.83', '−1.83'])
  })

  it('explains weak and the threshold in words, and who is not counted', () => {
    const text = decode(html)
    expect(text).toContain('An organisation is weak on a dimension when its score there is below the weak threshold')
    expect(text).toContain('now 2.5 on the scale of 1 to 5; a score of exactly 2.5 is not weak')
    expect(text).toContain(
      '31 organisations have handed in an assessment and are counted; 2 more have not handed in yet',
    )
  })

  it('links each cluster to its brief and to the heatmap opened on its column', () => {
    const all = links(html)
    expect(all).toContain(`/rounds/${roundId}/clusters/brief?kind=shared&key=data`)
    expect(all).toContain(`/rounds/${roundId}/clusters/brief?kind=geographic&key=data&member=E09000004`)
    expect(all).toContain(`/rounds/${roundId}/clusters/brief?kind=peer&group=1`)
    expect(all).toContain(`/rounds/${roundId}/heatmap?level=theme&parent=data`)
    expect(all).toContain(`/rounds/${roundId}/heatmap?order=similarity`)
    expect(all).toContain(`/rounds/${roundId}/clusters?level=theme&parent=data`)
  })

  it('has a GET form for every control that keeps the level, working without JavaScript', async () => {
    const page = (await analyst.get(`/rounds/${roundId}/clusters?level=theme&parent=data&threshold=1.5`).expect(200))
      .text
    expect(page).toMatch(new RegExp(`<form method="get" action="/rounds/${roundId}/clusters"`))
    for (const name of ['partnership', 'threshold', 'minSize', 'k', 'basis'])
      expect(page).toMatch(new RegExp(`name="${name}"`))
    expect(page).toContain('<input type="hidden" name="level" value="theme">')
    expect(page).toContain('<input type="hidden" name="parent" value="data">')
    expect(page).toContain(
      'id="threshold" name="threshold" type="text" inputmode="decimal" spellcheck="false" value="1.5"',
    )
    // Below 1.5 only the three at level 1 are weak, on each of Data's four themes.
    expect(columnHeadings(page)).toEqual([
      'Data governance and protection',
      'Data quality',
      'Data infrastructure',
      'Using data',
    ])
    expect(decode(element(page, 'section', 'data-column', 'data.governance'))).toContain(
      '3 organisations are weak here, 9% of London’s 33',
    )
    expect(links(page)).toContain(
      `/rounds/${roundId}/clusters/brief?level=theme&parent=data&threshold=1.5&kind=shared&key=data.quality`,
    )
  })

  it('follows the basis: on self-assessed scores Croydon joins, and the southern group grows to four', async () => {
    const page = (await analyst.get(`/rounds/${roundId}/clusters?basis=self`).expect(200)).text
    const data = element(page, 'section', 'data-column', 'data')
    expect(decode(data)).toContain('7 organisations are weak here, 21% of London’s 33: 6 separate buyers')
    expect(rowsOf(element(data, 'table', 'id', 'cluster-map-data-table'))[0]!.slice(0, 2)).toEqual([
      'A',
      'Bexley, Bromley, Croydon, Sutton',
    ])
    expect(markedOnMap(data, 'A')).toEqual(['Bexley', 'Bromley', 'Croydon', 'Sutton'])
  })

  it('makes fewer peer groups when asked, and says when a setting finds nothing', async () => {
    const two = (await analyst.get(`/rounds/${roundId}/clusters?k=2&minSize=7`).expect(200)).text
    expect(peerNames(two)).toEqual(['Close to London’s mean', 'Strong all round'])
    expect(decode(two)).toContain('26 organisations: ')
    expect(decode(two)).toContain('4 organisations: ')
    // Data still has its geographic clusters, and says it has no shared weakness at this size.
    expect(columnHeadings(two)).toEqual(['Data'])
    expect(two).not.toContain('data-cluster="shared"')
    expect(decode(two)).toContain('No dimension has 7 or more organisations below 2.5.')
  })

  it('counts only a partnership’s members when filtered to it', async () => {
    const page = (
      await analyst.get(`/rounds/${roundId}/clusters?partnership=${partnershipId}&minSize=2&k=1`).expect(200)
    ).text
    expect(decode(page)).toContain(`among the members of ${PARTNERSHIP} only`)
    expect(decode(element(page, 'section', 'data-column', 'data'))).toContain(
      '2 organisations are weak here, 6% of London’s 33: 1 separate buyer when each partnership counts once',
    )
  })

  it('reports organisations in a group of their own as outliers, saying how each differs, not as peer groups', async () => {
    const page = (
      await analyst.get(`/rounds/${roundId}/clusters?partnership=${partnershipId}&minSize=2&k=2`).expect(200)
    ).text
    expect(peerNames(page)).toEqual([])
    expect(decode(page)).toContain(
      '0 groups of two or more, and 2 organisations like no other, listed as outliers below',
    )
    const outliers = element(page, 'ul', 'data-testid', 'outliers')
    expect(rowsOfList(outliers)).toEqual([
      'Camden: weak data (Data 1.00 against London’s 1.50).',
      'Islington: strong data (Data 2.00 against London’s 1.50).',
    ])
    expect(links(outliers)).toEqual(['/organisations/camden', '/organisations/islington'])
  })
})

describe('the API', () => {
  it('returns the planted clusters by GSS code, with means, buyers and profiles', async () => {
    const body = (await analyst.get(`/api/v1/rounds/${roundId}/clusters`).expect(200)).body
    expect(body).toMatchObject({ threshold: 2.5, level: 'dimension', basis: 'final', minSize: 3, k: 4 })
    expect(body.sharedWeakness).toEqual([
      {
        key: 'data',
        title: 'Data',
        organisations: ['E09000007', 'E09000012', 'E09000029', 'E09000004', 'E09000006', 'E09000019'],
        meanScore: 1.5,
        buyers: 5,
        share: 6 / 33,
      },
    ])
    expect(body.geographic.map((g: { key: string; organisations: string[] }) => [g.key, g.organisations])).toEqual([
      ['data', ['E09000007', 'E09000012', 'E09000019']],
      ['data', ['E09000004', 'E09000006']],
    ])
    expect(body.peerGroups).toHaveLength(4)
    expect(body.peerGroups[0]).toMatchObject({
      organisations: ['E09000007', 'E09000012', 'E09000029'],
      meanProfile: { leadership: 3, culture: 3, data: 1, foundations: 3, services: 3 },
      weakestDimension: 'data',
    })
    expect(body.peerGroups[3].organisations).toEqual(['E09000001', 'E09000020', 'E09000032', 'E09000033'])
  })

  it('takes the same controls as the page', async () => {
    const body = (await analyst.get(`/api/v1/rounds/${roundId}/clusters?level=theme&parent=data&threshold=1.5&k=2`))
      .body
    expect(body.sharedWeakness.map((s: { key: string }) => s.key)).toEqual([
      'data.governance',
      'data.quality',
      'data.infrastructure',
      'data.use',
    ])
    expect(body.sharedWeakness[0].organisations).toEqual(['E09000007', 'E09000012', 'E09000029'])
    expect(body.peerGroups).toHaveLength(2)
  })
})

describe('the brief', () => {
  it('names who, what is weak, and the next level for every Data question', async () => {
    const html = (await analyst.get(`/rounds/${roundId}/clusters/brief?kind=shared&key=data`).expect(200)).text
    expect(decode(html)).toContain('6 organisations weak together on Data')
    expect(table(html, 'members')).toEqual([
      ['Camden', 'E09000007', '1.00'],
      ['Hackney', 'E09000012', '1.00'],
      ['Sutton', 'E09000029', '1.00'],
      ['Bexley', 'E09000004', '2.00'],
      ['Bromley', 'E09000006', '2.00'],
      ['Islington', 'E09000019', '2.00'],
    ])
    const text = decode(html)
    expect(text).toContain('These 6 organisations are 5 separate buyers when each partnership counts once.')
    expect(text).toContain(`${PARTNERSHIP}: Camden and Islington`)
    expect(text).toContain('Data (a dimension): a mean score of 1.50 out of 5 across the group.')
    const steps = table(html, 'next-steps')
    expect(steps).toHaveLength(9)
    expect(steps[3]).toEqual([
      expect.stringContaining('How does your council set the standards its data must meet'),
      '1.5 3 at level 1 (Ad hoc), 3 at level 2 (Emerging)',
      `Level 2 (Emerging): ${descriptor('data.quality.quality-standards', 2)}`,
    ])
  })

  it('on a question, gives each member’s level and the level above the median', async () => {
    const html = (
      await analyst
        .get(
          `/rounds/${roundId}/clusters/brief?level=question&parent=data.quality&kind=shared&key=data.quality.quality-monitoring`,
        )
        .expect(200)
    ).text
    expect(decode(html)).toContain('6 organisations weak together on one question in Data quality')
    expect(decode(html)).toContain(
      'How does your council measure the quality of its data and fix the problems it finds? (a question)',
    )
    expect(table(html, 'members')[0]).toEqual(['Camden', 'E09000007', 'Level 1 (Ad hoc)'])
    expect(table(html, 'members')[5]).toEqual(['Islington', 'E09000019', 'Level 2 (Emerging)'])
    expect(table(html, 'next-steps')).toHaveLength(1)
    expect(decode(html)).toContain(`Level 2 (Emerging): ${descriptor('data.quality.quality-monitoring', 2)}`)
  })

  it('briefs a geographic cluster and a peer group', async () => {
    const geo = (
      await analyst.get(`/rounds/${roundId}/clusters/brief?kind=geographic&key=data&member=E09000006`).expect(200)
    ).text
    expect(table(geo, 'members').map(r => r[0])).toEqual(['Bexley', 'Bromley'])
    expect(decode(geo)).toContain('These 2 organisations are 2 separate buyers')
    expect(decode(geo)).toContain('None of them shares a service with another through a partnership.')

    const peer = (await analyst.get(`/rounds/${roundId}/clusters/brief?kind=peer&group=1`).expect(200)).text
    expect(decode(peer)).toContain('3 organisations with like profiles, weakest in Data')
    // Captioned with the name the clusters page gives the group.
    expect(decode(peer)).toContain('London 2026: peer group “weak data, averaging 1.00”')
    expect(table(peer, 'members')).toEqual([
      ['Camden', 'E09000007', '3.00', '3.00', '1.00', '3.00', '3.00'],
      ['Hackney', 'E09000012', '3.00', '3.00', '1.00', '3.00', '3.00'],
      ['Sutton', 'E09000029', '3.00', '3.00', '1.00', '3.00', '3.00'],
      ['Group mean', '3.00', '3.00', '1.00', '3.00', '3.00'],
    ])
    expect(table(peer, 'next-steps')[0]![2]).toBe(
      `Level 2 (Emerging): ${descriptor('data.governance.data-ownership', 2)}`,
    )
  })
})

describe('bad input', () => {
  const page = (q: string) => analyst.get(`/rounds/${roundId}/clusters${q}`)
  const api = (q: string) => analyst.get(`/api/v1/rounds/${roundId}/clusters${q}`)

  it.each([
    ['?level=region', 'level', 'level must be one of "dimension", "theme", "question", not "region"'],
    ['?level=theme', 'parent', 'parent must name the dimension to open'],
    ['?basis=mean', 'basis', 'basis must be one of "final", "self", not "mean"'],
    ['?threshold=7', 'threshold', 'threshold must be on the scale, from 1 to 5, not "7"'],
    ['?threshold=0.5', 'threshold', 'threshold must be on the scale, from 1 to 5, not "0.5"'],
    ['?threshold=weak', 'threshold', 'threshold must be a number, not "weak"'],
    ['?minSize=0', 'minSize', 'minSize must be a positive whole number, not "0"'],
    ['?minSize=-2', 'minSize', 'minSize must be a positive whole number, not "-2"'],
    ['?minSize=2.5', 'minSize', 'minSize must be a positive whole number, not "2.5"'],
    ['?minSize=32', 'minSize', 'minSize must be no more than the 31 scored organisations, not "32"'],
    ['?k=0', 'k', 'k must be a positive whole number, not "0"'],
    ['?k=three', 'k', 'k must be a number, not "three"'],
    ['?k=40', 'k', 'k must be no more than the 31 scored organisations, not "40"'],
  ])('%s is a 400 naming %s, on the page and in the API', async (q, parameter, message) => {
    const html = (await page(q).expect(400)).text
    // The page says what its form calls the setting; the API names the parameter.
    const label = { level: 'The level', parent: 'The address', basis: 'Scores', threshold: 'Weak threshold' }
    const named = { ...label, minSize: 'Fewest organisations', k: 'Peer groups' }[parameter]!
    expect(decode(html)).toContain(`There is a problem ${named}${message.slice(parameter.length)}`)
    const body = (await api(q).expect(400)).body
    expect(body).toMatchObject({ error: 'bad_request', errors: [{ parameter, message }] })
  })

  it('fits the settings no one chose to a round with fewer scored organisations than their defaults', async () => {
    const pilot = await createRound(t, { name: 'Pilot', organisations: ['camden', 'hackney', 'brent'] })
    await fillAssessment(t, await assessmentOf(t, pilot, 'camden'), () => 2)
    await fillAssessment(t, await assessmentOf(t, pilot, 'brent'), () => 2)
    const html = (await analyst.get(`/rounds/${pilot}/clusters`).expect(200)).text
    expect(html).not.toContain('There is a problem')
    expect(html).toMatch(/id="minSize"[^>]*value="2"/)
    expect(html).toMatch(/id="k"[^>]*value="2"/)
    // What someone typed is still theirs to correct.
    expect(decode((await analyst.get(`/rounds/${pilot}/clusters?minSize=3`).expect(400)).text)).toContain(
      'Fewest organisations must be no more than the 2 scored organisations, not "3"',
    )
  })

  it('keeps what was typed in the form, with the message beside the field', async () => {
    const html = (await page('?threshold=9&k=2').expect(400)).text
    expect(html).toContain('<a href="#threshold">Weak threshold must be on the scale, from 1 to 5, not &#34;9&#34;</a>')
    expect(html).toContain('value="9" aria-describedby="threshold-hint threshold-error"')
    expect(html).toMatch(/id="k"[^>]*value="2"/)
    expect(html).toMatch(/id="minSize"[^>]*value="3"/)
  })

  it('is a 404 for an unknown round, dimension, theme or partnership', async () => {
    await analyst.get('/rounds/999999/clusters').expect(404)
    await analyst.get('/rounds/nonsense/clusters').expect(404)
    expect((await analyst.get('/api/v1/rounds/999999/clusters').expect(404)).body).toMatchObject({
      error: 'not_found',
      message: 'There is no such round',
    })
    expect(decode((await page('?level=theme&parent=weather').expect(404)).text)).toContain(
      'There is no dimension "weather" in this round’s questionnaire',
    )
    expect((await api('?level=question&parent=data').expect(404)).body.message).toBe(
      'There is no theme "data" in this round’s questionnaire',
    )
    await api('?partnership=999999').expect(404)
  })

  it.each([
    ['', 'kind must be one of "shared", "geographic", "peer", not nothing'],
    ['?kind=everyone', 'kind must be one of "shared", "geographic", "peer", not "everyone"'],
    ['?kind=shared', 'key must name the column the cluster is weak on'],
    ['?kind=geographic&key=data', 'member must be the GSS code of an organisation in the cluster'],
    ['?kind=peer&group=0', 'group must be a peer group’s number, from 1, not "0"'],
    ['?kind=shared&key=data&threshold=6', 'threshold must be on the scale, from 1 to 5, not "6"'],
  ])('a brief at %s is a 400 saying what is wrong', async (q, message) => {
    const html = (await analyst.get(`/rounds/${roundId}/clusters/brief${q}`).expect(400)).text
    expect(decode(html)).toContain(message)
  })

  it.each([
    ['?kind=shared&key=weather', 'There is no dimension "weather" in this round’s questionnaire'],
    [
      '?kind=shared&key=culture',
      'No shared weakness on Culture and skills: fewer than 3 organisations score below 2.5',
    ],
    ['?kind=geographic&key=data&member=E09000029', 'E09000029 is in no geographic cluster on Data'],
    ['?kind=peer&group=5', 'There are 4 peer groups with these settings, so no peer group 5'],
  ])('a brief at %s is a 404 saying what is missing', async (q, message) => {
    const html = (await analyst.get(`/rounds/${roundId}/clusters/brief${q}`).expect(404)).text
    expect(decode(html)).toContain(message)
  })

  it('refuses respondents, who never see other named authorities', async () => {
    await respondent.get(`/rounds/${roundId}/clusters`).expect(403)
    await respondent.get(`/rounds/${roundId}/clusters/brief?kind=shared&key=data`).expect(403)
    const body = (await respondent.get(`/api/v1/rounds/${roundId}/clusters`).expect(403)).body
    expect(body.error).toBe('forbidden')
  })
})
