import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { buildHeatmap, type Heatmap } from './build-heatmap.service'
import { findClusters, type Clusters } from './find-clusters.service'

export type { Heatmap, HeatmapRow } from './build-heatmap.service'
export type { Clusters } from './find-clusters.service'

/** Cross-borough views for the central roles: heatmaps and the clusters of weak performance behind them. */
export function insightsService(repos: Repositories, questionnaires: QuestionnaireService) {
  const heatmap = (user: User, roundId: number, raw: Record<string, unknown>): Promise<Heatmap> =>
    buildHeatmap(repos, questionnaires, user, roundId, raw)

  return {
    heatmap,
    clusters: (user: User, roundId: number, raw: Record<string, unknown>): Promise<Clusters> =>
      findClusters(repos, heatmap, user, roundId, raw),
  }
}

export type InsightsService = ReturnType<typeof insightsService>
