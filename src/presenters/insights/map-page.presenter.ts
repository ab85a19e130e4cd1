import type { Organisation } from '../../domain/organisation'
import type { Heatmap } from '../../services/insights/insights.service'
import type { FormErrors } from '../form-errors'
import { paths } from '../../paths'
import { heatLegend, type HeatLegendView, type ItemView } from './heatmap-page.presenter'
import { insightQueryString } from './insight-query'
import { londonMapView, type LondonMapView } from './london-map.presenter'

export interface MapPageView extends LondonMapView {
  roundName: string
  /** The scores the maps show, as the introduction says them. */
  basisText: string
  action: string
  form: {
    basis: string
    basisItems: ItemView[]
    /** A rejected threshold stays in its box as typed, beside its message, so the analyst can see what to fix. */
    threshold: string
    thresholdHint: string
    errorMessages: { basis?: string; threshold?: string }
  }
  legend: HeatLegendView
  links: { heatmap: string; clusters: string; trend: string }
}

/** The London map page: its controls, legend, maps and table, and links to the same view elsewhere. */
export function mapPageView(
  heatmap: Heatmap,
  organisations: readonly Organisation[],
  typedThreshold: unknown,
  errors: FormErrors,
): MapPageView {
  const { round, query } = heatmap
  const defaults = { threshold: heatmap.definition.weakThreshold }
  const qs = insightQueryString(query, defaults)
  return {
    ...londonMapView(heatmap, organisations),
    roundName: round.name,
    basisText: query.basis === 'final' ? 'final (moderated)' : 'self-assessed',
    action: paths.londonMap(round.id),
    form: {
      basis: query.basis,
      basisItems: [
        { value: 'final', text: 'Final (moderated)' },
        { value: 'self', text: 'Self-assessed' },
      ],
      threshold:
        errors.fields.threshold && typeof typedThreshold === 'string' ? typedThreshold : String(query.threshold),
      thresholdHint: `From 1 to 5 (questionnaire: ${defaults.threshold})`,
      errorMessages: { basis: errors.fields.basis, threshold: errors.fields.threshold },
    },
    legend: heatLegend(query.threshold),
    links: {
      heatmap: paths.heatmap(round.id, qs),
      clusters: paths.clusters(round.id, qs),
      trend: paths.trend(round.id),
    },
  }
}
