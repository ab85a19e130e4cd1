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

  it('gives each shared weakness card its facts and screen-reader label', () => {
    const [card] = clustersPageView(clustersOf()).shared
    expect(card!.kind).toBe('shared')
    expect(card!.label).toBe('Data, shared weakness')
    expect(card!.facts.map(f => [f.key.text, f.value])).toEqual([
      ['Weak here', { text: '2 organisations: 6% of London’s 32' }],
      ['Separate buyers', { text: '1, when each partnership counts once' }],
      ['Mean score', { text: '1.50 out of 5' }],
      [
        'Organisations',
        {
          html: '<a class="govuk-link" href="/organisations/camden">Camden</a>, <a class="govuk-link" href="/organisations/hackney">Hackney</a>',
        },
      ],
    ])
    expect(card!.profileTable).toBeNull()
  })

  it('gives a peer group its members, each a link to its page, and its profile with the weakest in bold', () => {
    const dimensions = definition.dimensions
    const meanProfile = Object.fromEntries(dimensions.map((d, i) => [d.key, i === 1 ? 1 : 3]))
    const view = clustersPageView(
      clustersOf({
        peerGroups: [{ organisations: ['E1', 'E2'], meanProfile, meanScore: 2.6 }],
      } as unknown as Partial<Clusters>),
    )
    const [card] = view.peers
    expect(card!.facts[0]).toEqual({
      key: { text: 'Members' },
      value: {
        html: '2: <a class="govuk-link" href="/organisations/camden">Camden</a>, <a class="govuk-link" href="/organisations/hackney">Hackney</a>',
      },
    })
    expect(card!.profileTable!.head.map(h => [h.text, h.format])).toEqual(dimensions.map(d => [d.title, 'numeric']))
    const [means] = card!.profileTable!.rows as { text?: string; html?: string }[][]
    expect(means).toEqual([
      { text: '3.00', format: 'numeric' },
      { html: '<strong>1.00</strong> (weakest)', format: 'numeric' },
    ])
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
