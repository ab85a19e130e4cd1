import type { Round } from '../../domain/assessment/round'
import type { Heatmap } from '../../services/insights/insights.service'
import type { FormErrors } from '../form-errors'
import { paths } from '../../paths'
import { legendBands } from './heat-scale'
import { breadcrumbs, columnViews, rowViews, viewQuery } from './heatmap.presenter'

const LEVEL_WORDS = { dimension: 'dimension', theme: 'theme', question: 'question' } as const
const ORDER_WORDS = {
  name: 'by name',
  overall: 'by overall score, weakest first',
  similarity: 'by similarity, so organisations with like profiles sit together',
} as const

const typed = (raw: Record<string, unknown>, name: string): string => {
  const value = raw[name]
  return typeof value === 'string' ? value : ''
}

/** Everything the heatmap page shows, worked out once so the template only lays it out. */
export function heatmapPageView(
  heatmap: Heatmap,
  rounds: Pick<Round, 'id' | 'name'>[],
  raw: Record<string, unknown>,
  errors: FormErrors,
) {
  const { round, query, scope } = heatmap
  const qs = viewQuery(heatmap)
  const scored = heatmap.rows.filter(r => r.scored).length
  const where = scope.parent ? ` in ${scope.parent.title}` : ''
  const who = heatmap.partnership ? `${heatmap.partnership.name} members` : 'organisations'
  return {
    round,
    rounds,
    partnerships: heatmap.partnerships,
    form: {
      basis: query.basis,
      // A rejected threshold is shown back as typed, so the analyst can see and correct it.
      threshold: errors.fields.threshold ? typed(raw, 'threshold') : String(query.threshold),
      order: query.order,
      partnershipId: heatmap.partnership?.id,
      level: scope.level,
      parent: scope.parent?.key,
    },
    threshold: query.threshold,
    defaultThreshold: heatmap.definition.weakThreshold,
    levelWord: LEVEL_WORDS[scope.level],
    heading: scope.parent ? scope.parent.title : 'All dimensions',
    // Short, so it stays in view above a table that scrolls sideways; the counts and order go beside it.
    caption: `${query.basis === 'final' ? 'Final' : 'Self-assessed'} scores by ${LEVEL_WORDS[scope.level]}${where}`,
    summary: `${heatmap.rows.length} ${who}, ${scored} scored, ordered ${ORDER_WORDS[query.order]}.`,
    breadcrumbs: breadcrumbs(heatmap),
    columns: columnViews(heatmap),
    rows: rowViews(heatmap),
    bands: legendBands(query.threshold),
    links: {
      csv: paths.heatmapCsv(round.id, qs),
      clusters: paths.clusters(round.id, qs),
      map: paths.londonMap(round.id, qs),
      trend: paths.trend(round.id, qs),
    },
  }
}

export type HeatmapPageView = ReturnType<typeof heatmapPageView>
