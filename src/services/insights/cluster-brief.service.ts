import { byBritishName } from '../../domain/names'
import { NotFoundError } from '../../domain/errors'
import { distinctBuyers } from '../../domain/insights'
import { groupStep, maturityQuestionsUnder, type GroupStep } from '../../domain/insights/brief'
import { heatmapRow, heatmapScope, type HeatmapLevel, type HeatmapScope } from '../../domain/insights/heatmap'
import type { MaturityQuestion } from '../../domain/questionnaire/definition'
import type { Organisation } from '../../domain/organisation'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import { insightsService, type Clusters } from './insights.service'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults, moderatedLevels } from './round-results'
import { noun, plural } from '../../domain/format/plurals'

/** Which cluster a brief is about: peer groups are numbered as the clusters page lists them, from 1. */
export type BriefSelector =
  | { kind: 'shared'; key: string }
  | { kind: 'geographic'; key: string; member: string }
  | { kind: 'peer'; group: number }

export interface BriefMember {
  organisation: Organisation
  /** The member's score on the brief's focus: the column, or a peer group's weakest dimension. */
  score: number | null
  /** Scores per dimension, in questionnaire order: a peer group is about whole profiles. */
  profile: (number | null)[]
}

export interface BriefQuestionStep extends GroupStep {
  question: MaturityQuestion
  themeTitle: string
}

export interface ClusterBrief {
  clusters: Clusters
  selector: BriefSelector
  focus: { key: string; title: string; level: HeatmapLevel }
  /** Weakest first on the focus, then by name. */
  members: BriefMember[]
  meanScore: number
  buyers: number
  /** Partnerships with at least one member here, naming only those members. */
  partnerships: { name: string; members: Organisation[] }[]
  steps: BriefQuestionStep[]
  /** The peer group's number and mean profile, for a peer brief. */
  peer?: { number: number; meanProfile: Record<string, number> }
}

/** The chosen cluster's members and focus; NotFound, in words an analyst can act on, when there is none. */
function findCluster(clusters: Clusters, selector: BriefSelector) {
  const { scope, query } = clusters.heatmap
  if (selector.kind === 'peer') {
    const group = clusters.peerGroups[selector.group - 1]
    if (!group) {
      const count = clusters.peerGroups.length
      throw new NotFoundError(
        `There ${noun(count, 'is', 'are')} ${plural(count, 'peer group')} with these settings, so no peer group ${selector.group}`,
      )
    }
    const dimension = clusters.heatmap.definition.dimensions.find(d => d.key === group.weakestDimension)
    const focus = { key: group.weakestDimension, title: dimension?.title ?? '', level: 'dimension' as const }
    return { organisations: group.organisations, focus, meanProfile: group.meanProfile }
  }
  const column = scope.columns.find(c => c.key === selector.key)
  if (!column) {
    const where = scope.parent ? scope.parent.title : 'this round’s questionnaire'
    throw new NotFoundError(`There is no ${scope.level} "${selector.key}" in ${where}`)
  }
  const focus = { ...column, level: scope.level }
  if (selector.kind === 'shared') {
    const found = clusters.sharedWeakness.find(s => s.key === selector.key)
    if (!found)
      throw new NotFoundError(
        `No shared weakness on ${column.title}: fewer than ${query.minSize} organisations score below ${query.threshold} there`,
      )
    return { organisations: found.organisations, focus }
  }
  const found = clusters.geographic.find(g => g.key === selector.key && g.organisations.includes(selector.member))
  if (!found) throw new NotFoundError(`${selector.member} is in no geographic cluster on ${column.title}`)
  return { organisations: found.organisations, focus }
}

/** A one-page brief for a collective response to one cluster: who, what is weak, and the next level up. */
export function clusterBriefService(repos: Repositories, questionnaires: QuestionnaireService) {
  const insights = insightsService(repos, questionnaires)

  return {
    async brief(user: User, roundId: number, raw: Record<string, unknown>, selector: BriefSelector) {
      const clusters = await insights.clusters(user, roundId, raw)
      const { organisations, focus, meanProfile } = findCluster(clusters, selector)
      const { definition, query, partnerships } = clusters.heatmap
      const [{ results }, everyone] = await Promise.all([
        loadRoundResults(repos, questionnaires, roundId),
        repos.organisations.list(),
      ])
      const chosen = new Set(organisations)
      const members = results.filter(r => chosen.has(r.organisation.gss))

      const questions = maturityQuestionsUnder(definition, focus.level, focus.key)
      const questionScope: HeatmapScope = {
        level: 'question',
        columns: questions.map(q => ({ key: q.question.key, title: q.question.prompt })),
        parent: null,
        grandparent: null,
      }
      const dimensionScope = heatmapScope(definition, 'dimension') as HeatmapScope
      const focusScope = focus.level === 'dimension' ? dimensionScope : clusters.heatmap.scope
      const focusIndex = focusScope.columns.findIndex(c => c.key === focus.key)
      const rows = members.map(r => {
        const assessment = { answers: r.answers, moderatedLevels: moderatedLevels(r) }
        const cellsOf = (scope: HeatmapScope) => heatmapRow(definition, scope, assessment, query.basis).cells
        return {
          organisation: r.organisation,
          profile: cellsOf(dimensionScope).map(c => c.score),
          score: cellsOf(focusScope)[focusIndex]?.score ?? null,
          levels: cellsOf(questionScope).map(c => c.score),
        }
      })
      rows.sort(
        (a, b) =>
          (a.score ?? Infinity) - (b.score ?? Infinity) || byBritishName(a.organisation.name, b.organisation.name),
      )
      const scores = rows.flatMap(r => (r.score === null ? [] : [r.score]))
      const byId = new Map(rows.map(r => [r.organisation.id, r.organisation]))
      // Partnerships can chain through organisations outside the round, so every code is needed.
      const gssOf = new Map(everyone.map(o => [o.id, o.gss]))
      const brief: ClusterBrief = {
        clusters,
        selector,
        focus,
        members: rows.map(({ levels: _levels, ...member }) => member),
        meanScore: scores.reduce((sum, s) => sum + s, 0) / Math.max(scores.length, 1),
        buyers: distinctBuyers(
          organisations,
          partnerships.map(p => p.memberIds.map(id => gssOf.get(id) ?? '')),
        ),
        partnerships: partnerships
          .map(p => ({ name: p.name, members: p.memberIds.flatMap(id => byId.get(id) ?? []) }))
          .filter(p => p.members.length > 0),
        steps: questions.map((q, i) => ({
          ...q,
          ...groupStep(
            q.question,
            rows.map(r => r.levels[i] ?? null),
          ),
        })),
        ...(meanProfile && selector.kind === 'peer' ? { peer: { number: selector.group, meanProfile } } : {}),
      }
      return brief
    },
  }
}

export type ClusterBriefService = ReturnType<typeof clusterBriefService>
