import { byBritishName } from '../../domain/names'
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import { similarityTree, type SimilarityTree } from '../../domain/insights'
import { heatmapRow, heatmapScope, type HeatmapCell, type HeatmapScope } from '../../domain/insights/heatmap'
import { parseInsightQuery, type InsightQuery } from '../../domain/insights/query'
import type { Round } from '../../domain/assessment/round'
import type { AssessmentState } from '../../domain/assessment/workflow'
import type { Organisation } from '../../domain/organisation'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Partnership } from '../../data/partnership.repository'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults, moderatedLevels, type RoundResults } from './round-results'

export interface HeatmapRow {
  organisation: Organisation
  state: AssessmentState
  /** Whether the row counts: only handed-in assessments are scored. */
  scored: boolean
  moderated: boolean
  overall: number | null
  /** The score of what the columns divide: the overall, the dimension or the theme. */
  parentScore: number | null
  cells: HeatmapCell[]
}

export interface Heatmap {
  round: Round
  /** Every round, newest first, for choosing another. */
  rounds: Round[]
  definition: QuestionnaireDefinition
  query: InsightQuery
  scope: HeatmapScope
  partnership: Partnership | undefined
  partnerships: Partnership[]
  rows: HeatmapRow[]
  /** The tree that ordered the rows by similarity, its leaves numbered by row; only in that order. */
  tree: Pick<SimilarityTree, 'leaves' | 'merges'> | undefined
  /** The round's memo (see loadRoundResults), for work derived from these rows. */
  memo: RoundResults['memo']
  memoAsync: RoundResults['memoAsync']
  keptBody: RoundResults['keptBody']
}

const byName = (a: HeatmapRow, b: HeatmapRow) => byBritishName(a.organisation.name, b.organisation.name)

function central(user: User) {
  if (!isCentralRole(user.role))
    throw new ForbiddenError('Only LOTI analysts, assessors and admins see London’s named figures')
}

function orderRows(rows: HeatmapRow[], query: InsightQuery, similarity: () => SimilarityTree): HeatmapRow[] {
  if (query.order === 'overall') {
    // Weakest first, as that is what the view is for; rows without a score last, by name. The score is
    // the one beside the names: the overall, or the dimension's or theme's when drilled down.
    return [...rows].sort((a, b) => (a.parentScore ?? Infinity) - (b.parentScore ?? Infinity) || byName(a, b))
  }
  if (query.order === 'similarity') return similarity().order.flatMap(i => rows.slice(i, i + 1))
  return rows
}

/** One round's heatmap for a central role, at the level, basis, partnership and order the query asks for. */
export async function buildHeatmap(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  user: User,
  roundId: number,
  raw: Record<string, unknown>,
): Promise<Heatmap> {
  central(user)
  const { round, rounds, definition, results, partnerships, memo, memoAsync, keptBody } = await loadRoundResults(
    repos,
    questionnaires,
    roundId,
  )
  const parsed = parseInsightQuery(raw, { threshold: definition.weakThreshold })
  if (!parsed.value) throw new ValidationError(parsed.errors)
  const query = parsed.value
  const scope = heatmapScope(definition, query.level, query.parent)
  if (!scope) {
    const expected = query.level === 'theme' ? 'dimension' : 'theme'
    throw new NotFoundError(`There is no ${expected} "${query.parent ?? ''}" in this round’s questionnaire`)
  }
  const partnership = partnerships.find(p => p.id === query.partnershipId)
  if (query.partnershipId !== undefined && !partnership) throw new NotFoundError('There is no such partnership')
  const members = partnership && new Set(partnership.memberIds)

  // Scored once per round, basis and level while the round's data stays the same; then reused.
  const scored = memo(`heatmap:${query.basis}:${scope.level}:${scope.parent?.key ?? ''}`, () => {
    const byAssessment = new Map<number, Pick<HeatmapRow, 'overall' | 'parentScore' | 'cells'>>()
    for (const r of results.filter(result => result.scored)) {
      const input = { answers: r.answers, moderatedLevels: moderatedLevels(r) }
      byAssessment.set(r.assessment.id, heatmapRow(definition, scope, input, query.basis))
    }
    return byAssessment
  })
  // Rows depend on the basis, the level, the partnership and the order, not the threshold: built once
  // per choice of those while the round's data stands (tens of milliseconds at 10,000 organisations).
  const rowsKey = `rows:${query.basis}:${scope.level}:${scope.parent?.key ?? ''}:${query.partnershipId ?? ''}:${query.order}`
  const treeOf = (rows: HeatmapRow[]) =>
    memo(`order:${query.basis}:${scope.level}:${scope.parent?.key ?? ''}:${query.partnershipId ?? ''}:similarity`, () =>
      similarityTree(rows.map(r => r.cells.map(c => c.score))),
    )
  const ordered = memo(rowsKey, () => {
    // Results come in name order, and filtering keeps it.
    const rows = results
      .filter(r => !members || members.has(r.organisation.id))
      .map((r): HeatmapRow => {
        const base = { organisation: r.organisation, state: r.assessment.state, scored: r.scored }
        const moderated = r.assessment.state === 'moderated'
        if (!r.scored) {
          const empty = { score: null, reason: 'not_submitted' as const }
          return { ...base, moderated, overall: null, parentScore: null, cells: scope.columns.map(() => empty) }
        }
        const none = { overall: null, parentScore: null, cells: [] }
        return { ...base, moderated, ...(scored.get(r.assessment.id) ?? none) }
      })
    return { rows, ordered: orderRows(rows, query, () => treeOf(rows)) }
  })
  const tree = query.order === 'similarity' ? treeOf(ordered.rows) : undefined
  return {
    round,
    rounds,
    definition,
    query,
    scope,
    partnership,
    partnerships,
    rows: ordered.ordered,
    tree: tree && { leaves: tree.leaves, merges: tree.merges },
    memo,
    memoAsync,
    keptBody,
  }
}
