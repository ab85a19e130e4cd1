import type { Organisation } from '../../../src/domain/organisation'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { briefPageView } from '../../../src/presenters/insights/cluster-brief.presenter'
import type { ClusterBrief } from '../../../src/services/insights/cluster-brief.service'
import { validDefinition } from '../../support/definitions'

const definition = validDefinition() as QuestionnaireDefinition
const camden = { gss: 'E09000007', name: 'Camden', slug: 'camden' } as Organisation
const hackney = { gss: 'E09000012', name: 'Hackney', slug: 'hackney' } as Organisation

function briefOf(changes: Partial<ClusterBrief> = {}): ClusterBrief {
  return {
    clusters: {
      heatmap: {
        round: { id: 3, name: 'Spring 2026' },
        definition,
        query: { level: 'dimension', basis: 'final', threshold: 2.5, order: 'name', minSize: 3, k: 4 },
        scope: { level: 'dimension', columns: [], parent: null, grandparent: null },
        partnership: undefined,
      },
    },
    selector: { kind: 'shared', key: 'data' },
    focus: { key: 'data', title: 'Data', level: 'dimension' },
    members: [
      { organisation: camden, score: 1.5, profile: [] },
      { organisation: hackney, score: 2, profile: [] },
    ],
    meanScore: 1.75,
    buyers: 1,
    partnerships: [],
    steps: [],
    ...changes,
  } as unknown as ClusterBrief
}

describe('the cluster brief page view', () => {
  it('captions the round and kind, and counts one buyer in the singular', () => {
    const view = briefPageView(briefOf())
    expect(view.caption).toBe('Spring 2026: shared weakness')
    expect(view.buyersText).toBe('1 separate buyer')
    expect(view.hasPartnerships).toBe(false)
    expect(view.heatmapText).toBe('See Data on the heatmap')
    expect(view.focusSuffix).toBe('')
  })

  it('tables the members weakest first, each named by a link to its page, each score as a numeric cell', () => {
    const table = briefPageView(briefOf()).membersTable
    expect(table.caption).toBe('Members, weakest first')
    expect(table.head.map(h => h.text)).toEqual(['Organisation', 'GSS code', 'Score on Data'])
    expect(table.rows[0]).toEqual([
      {
        html: '<a class="govuk-link" href="/organisations/camden">Camden</a>',
        header: true,
        classes: 'app-table__row-header',
      },
      { text: 'E09000007' },
      { text: '1.50', format: 'numeric' },
    ])
  })

  it('tables the next level up for each question: the question and its theme, the median and spread, the level', () => {
    const step = (median: number | null, next: { level: number; descriptor: string } | null) => ({
      question: { prompt: 'Who owns your data?' },
      themeTitle: 'Governance',
      median,
      tally: median === null ? [] : [{ level: 1, count: 2 }],
      without: 1,
      next,
    })
    const table = briefPageView(
      briefOf({
        steps: [step(1, { level: 2, descriptor: 'Owners are named' }), step(5, null), step(null, null)],
      } as unknown as Partial<ClusterBrief>),
    ).stepsTable
    expect(table.head.map(h => h.text)).toEqual(['Question', 'Median level', 'Next level'])
    const [first, top, none] = table.rows as { html?: string; text?: string; header?: boolean }[][]
    expect(first![0]).toEqual({
      html: 'Who owns your data?<span class="govuk-body-s app-secondary-text app-brief__theme">Governance</span>',
      header: true,
      classes: 'app-table__row-header',
    })
    expect(first![1]!.html).toBe(
      '<strong>1</strong><span class="govuk-body-s app-brief__spread">2 at level 1 (Ad hoc), 1 without a level</span>',
    )
    expect(first![2]!.html).toBe('<strong>Level 2 (Emerging):</strong> Owners are named')
    expect(top![2]).toEqual({ text: 'The group is at the top level already.' })
    expect(none![1]!.html).toBe(
      '<strong>None of them has a level</strong><span class="govuk-body-s app-brief__spread">1 without a level</span>',
    )
    expect(none![2]).toEqual({ text: 'None of them has a level for this question.' })
  })

  it('introduces the steps for every maturity question under the focus', () => {
    const view = briefPageView(briefOf({ buyers: 2 }))
    expect(view.buyersText).toBe('2 separate buyers')
    expect(view.stepsIntro).toBe(
      'For each maturity question under Data: where the group stands (its median level) and what the level above the median looks like.',
    )
  })
})
