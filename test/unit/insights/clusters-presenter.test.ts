import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { clustersControlsView } from '../../../src/presenters/insights/clusters-controls.presenter'
import { clustersPageView } from '../../../src/presenters/insights/clusters-page.presenter'
import type { Clusters } from '../../../src/services/insights/insights.service'
import { validDefinition } from '../../support/definitions'

const definition = validDefinition() as QuestionnaireDefinition
const row = (gss: string, name: string, scored = true) => ({
  organisation: { gss, name, slug: name.toLowerCase() },
  scored,
})

function clustersOf(changes: Partial<Clusters> = {}): Clusters {
  return {
    heatmap: {
      round: { id: 2, name: 'Spring 2026' },
      definition,
      query: { level: 'dimension', basis: 'final', threshold: 2.5, order: 'name', minSize: 3, k: 4 },
      scope: { level: 'dimension', columns: [], parent: null, grandparent: null },
      partnership: { id: 1, name: 'South London Partnership' },
      rows: [row('E1', 'Camden'), row('E2', 'Hackney'), row('E3', 'Sutton', false)],
    },
    sharedWeakness: [
      { key: 'data', title: 'Data', organisations: ['E1', 'E2'], share: 0.0625, buyers: 1, meanScore: 1.5 },
    ],
    geographic: [],
    peerGroups: [],
    profiled: 1,
    totalOrganisations: 32,
    organisations: [
      { gss: 'E1', name: 'Camden', slug: 'camden', tile: { x: 3, y: 2 } },
      { gss: 'E2', name: 'Hackney', slug: 'hackney', tile: { x: 4, y: 2 } },
      { gss: 'E3', name: 'Sutton', slug: 'sutton', tile: { x: 3, y: 6 } },
    ],
    ...changes,
  } as unknown as Clusters
}

describe('the clusters page view', () => {
  it('says who is counted and left out, and among whom', () => {
    const view = clustersPageView(clustersOf())
    expect(view.countedText).toBe(
      '2 organisations have handed in an assessment and are counted; 1 more has not handed in yet and is left out, among the members of South London Partnership only',
    )
    expect(view.profiledText).toBe(
      '1 of the 2 counted organisations has a score in every dimension; the others are left out rather than guessed at',
    )
    expect(view.basisText).toMatch(/^final: /)
  })

  it('puts a column’s shared weakness and its neighbours weak together under one heading', () => {
    const view = clustersPageView(
      clustersOf({
        heatmap: { ...clustersOf().heatmap, scope: { level: 'dimension', columns: [{ key: 'data', title: 'Data' }] } },
        geographic: [{ key: 'data', title: 'Data', organisations: ['E1', 'E2'], meanScore: 1.5 }],
      } as unknown as Partial<Clusters>),
    )
    expect(view.columns.map(c => c.title)).toEqual(['Data'])
    const [column] = view.columns
    expect(column!.shared!.text).toBe(
      '2 organisations are weak here, 6% of London’s 32: 1 separate buyer when each partnership counts once, with a mean score of 1.50 out of 5.',
    )
    expect(column!.shared!.organisations).toBe(
      '<a class="govuk-link" href="/organisations/camden">Camden</a>, <a class="govuk-link" href="/organisations/hackney">Hackney</a>',
    )
    const { map, table } = column!.geographic!
    // Marked on the map by outline, stripes and letter, and named in the table under the same letter.
    expect(map.tiles.filter(t => t.member).map(t => [t.label, t.letter])).toEqual([
      ['CAM', 'A'],
      ['HAC', 'A'],
    ])
    expect(map.tiles.find(t => t.gss === 'E3')).toMatchObject({ member: false, letter: '' })
    expect(map.summary).toBe('One cluster, outlined, striped and lettered: A, 2 authorities. The table names them.')
    const [row] = table.rows as { cells: { text?: string; html?: string }[] }[]
    expect(row!.cells[0]!.text).toBe('A')
    expect(row!.cells[1]!.html).toContain('Camden</a>, <a class="govuk-link" href="/organisations/hackney">Hackney')
  })

  it('names each peer group from its profile and draws it with a table of the same numbers', () => {
    const [d1, d2] = definition.dimensions
    const view = clustersPageView(
      clustersOf({
        peerGroups: [
          { organisations: ['E1', 'E2'], meanProfile: { [d1!.key]: 1, [d2!.key]: 3 }, meanScore: 2 },
          { organisations: ['E3', 'E4'], meanProfile: { [d1!.key]: 3, [d2!.key]: 3 }, meanScore: 3 },
        ],
      } as unknown as Partial<Clusters>),
    )
    expect(view.peers.groups.map(g => g.name)).toEqual(['Weak data', 'Strong data'])
    const { chart, members } = view.peers.groups[0]!
    expect(members).toBe(
      '2 organisations: <a class="govuk-link" href="/organisations/camden">Camden</a>, <a class="govuk-link" href="/organisations/hackney">Hackney</a>',
    )
    expect(chart.bars.map(b => [b.title, b.value, b.london])).toEqual([
      ['Data', '1.00', '2.00'],
      ['Technology', '3.00', '3.00'],
    ])
    expect(chart.table.rows.map(r => r.map(c => c.text))).toEqual([
      ['Data', '1.00', '2.00', '−1.00'],
      ['Technology', '3.00', '3.00', '0.00'],
    ])
    expect(chart.summary).toBe(
      'The group’s mean score on each dimension (bars, out of 5), with London’s mean marked by a black line. Against London’s mean it is furthest below on Data (−1.00).',
    )
  })

  it('reports a group of one as an outlier, saying how it differs, not as a peer group', () => {
    const [d1, d2] = definition.dimensions
    const view = clustersPageView(
      clustersOf({
        peerGroups: [
          { organisations: ['E1', 'E2'], meanProfile: { [d1!.key]: 3, [d2!.key]: 3 }, meanScore: 3 },
          { organisations: ['E3'], meanProfile: { [d1!.key]: 3, [d2!.key]: 1 }, meanScore: 2 },
        ],
      } as unknown as Partial<Clusters>),
    )
    expect(view.peers.groups.map(g => g.number)).toEqual([1])
    expect(view.peers.outliers).toEqual([
      {
        gss: 'E3',
        html: '<a class="govuk-link" href="/organisations/sutton">Sutton</a>: weak technology (Technology 1.00 against London’s 2.33).',
      },
    ])
    expect(view.peersText).toBe('1 group of two or more, and 1 organisation like no other, listed as an outlier below')
  })

  it('says when there are no clusters of a kind', () => {
    const view = clustersPageView(clustersOf({ sharedWeakness: [] }))
    expect(view.noShared).toBe(
      'No dimension has 3 or more organisations below 2.5. Fewer organisations or a higher threshold finds smaller or milder clusters.',
    )
    expect(view.noGeographic).toBe('No two neighbouring organisations are weak on the same dimension.')
    expect(view.noPeers).toBe(true)
  })
})

describe('the clusters controls', () => {
  it('keeps only the link choices that are not defaults, and names each field’s problem', () => {
    const values = { level: 'theme', parent: 'data', order: 'name', threshold: '7', minSize: '3', k: '4', basis: '' }
    const errors = { summary: [], fields: { threshold: 'Weak threshold must be from 1 to 5' } }
    const view = clustersControlsView(values, [{ id: 4, name: 'West London Alliance' }], errors)
    expect(view.hidden).toEqual([
      { name: 'level', value: 'theme' },
      { name: 'parent', value: 'data' },
    ])
    expect(view.partnership.items).toEqual([
      { value: '', text: 'All organisations' },
      { value: 4, text: 'West London Alliance' },
    ])
    expect(view.inputs[0]).toMatchObject({ name: 'threshold', value: '7', inputmode: 'decimal' })
    expect(view.inputs[0]!.errorMessage).toBe('Weak threshold must be from 1 to 5')
    expect(view.inputs[1]).toMatchObject({ name: 'minSize', inputmode: 'numeric', errorMessage: undefined })
    expect(view.basis.value).toBe('final')
  })
})
