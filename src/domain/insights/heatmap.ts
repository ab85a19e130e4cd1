import type { AnswerContent } from '../assessment/answer'
import { isVisible } from '../assessment/progress'
import type { QuestionnaireDefinition } from '../questionnaire/definition'
import { isScoredQuestion, questionScore, score, type Basis } from '../scoring'
import type { Column } from './score-table'

export const HEATMAP_LEVELS = ['dimension', 'theme', 'question'] as const
export type HeatmapLevel = (typeof HEATMAP_LEVELS)[number]

/** Why a cell has no score, so an empty cell never looks like a zero. */
export type EmptyReason = 'not_submitted' | 'not_applicable' | 'not_answered'

export interface HeatmapCell {
  score: number | null
  reason?: EmptyReason
}

/** Where in the questionnaire a heatmap sits: its columns, and the way back up. */
export interface HeatmapScope {
  level: HeatmapLevel
  columns: Column[]
  /** The dimension (for themes) or theme (for questions) the columns belong to. */
  parent: { key: string; title: string } | null
  /** The dimension above a theme's questions, for the breadcrumb back. */
  grandparent: { key: string; title: string } | null
}

/** The columns of a level; undefined when the parent is missing or is not of the level above. */
export function heatmapScope(
  definition: QuestionnaireDefinition,
  level: HeatmapLevel,
  parentKey?: string,
): HeatmapScope | undefined {
  if (level === 'dimension') {
    return {
      level,
      columns: definition.dimensions.map(d => ({ key: d.key, title: d.title })),
      parent: null,
      grandparent: null,
    }
  }
  if (level === 'theme') {
    const dimension = definition.dimensions.find(d => d.key === parentKey)
    if (!dimension) return undefined
    return {
      level,
      // A theme with no scored question (context, say) would only ever be an empty column.
      columns: dimension.themes
        .filter(t => t.questions.some(isScoredQuestion))
        .map(t => ({ key: t.key, title: t.title })),
      parent: { key: dimension.key, title: dimension.title },
      grandparent: null,
    }
  }
  for (const dimension of definition.dimensions) {
    const theme = dimension.themes.find(t => t.key === parentKey)
    if (!theme) continue
    return {
      level,
      columns: theme.questions.filter(isScoredQuestion).map(q => ({ key: q.key, title: q.prompt })),
      parent: { key: theme.key, title: theme.title },
      grandparent: { key: dimension.key, title: dimension.title },
    }
  }
  return undefined
}

export interface ScoredAssessment {
  answers: ReadonlyMap<string, AnswerContent>
  moderatedLevels: ReadonlyMap<string, number>
}

/**
 * One organisation's row by the published scoring rule: the overall score, the score of the scope's parent
 * (what the columns divide: the overall at dimension level, the dimension at theme level, the theme at
 * question level) and a cell per column. An empty cell says whether nothing there applied or nothing was
 * answered.
 */
export function heatmapRow(
  definition: QuestionnaireDefinition,
  scope: HeatmapScope,
  assessment: ScoredAssessment,
  basis: Basis,
): { overall: number | null; parentScore: number | null; cells: HeatmapCell[] } {
  const input = { answers: assessment.answers, moderatedLevels: assessment.moderatedLevels, basis }
  const scores = score(definition, input)
  const explain = (value: number | null, applicable: boolean): HeatmapCell =>
    value !== null ? { score: value } : { score: null, reason: applicable ? 'not_answered' : 'not_applicable' }

  const themes = scores.dimensions.flatMap(d => d.themes)
  const parentScore =
    scope.level === 'dimension'
      ? scores.overall
      : ([...scores.dimensions, ...themes].find(p => p.key === scope.parent?.key)?.score ?? null)
  if (scope.level === 'question') {
    const questions = new Map(
      definition.dimensions.flatMap(d => d.themes.flatMap(t => t.questions)).map(q => [q.key, q]),
    )
    const cells = scope.columns.map(column => {
      const question = questions.get(column.key)
      if (!question || !isVisible(question, assessment.answers))
        return { score: null, reason: 'not_applicable' as const }
      const value = questionScore(question, input)
      if (value === 'n/a') return { score: null, reason: 'not_applicable' as const }
      return value === null ? { score: null, reason: 'not_answered' as const } : { score: value }
    })
    return { overall: scores.overall, parentScore, cells }
  }
  const parts =
    scope.level === 'dimension'
      ? scores.dimensions
      : (scores.dimensions.find(d => d.key === scope.parent?.key)?.themes ?? [])
  const cells = scope.columns.map(column => {
    const part = parts.find(p => p.key === column.key)
    if (!part) return { score: null, reason: 'not_applicable' as const }
    return explain(part.score, hasApplicable(definition, column.key, assessment.answers))
  })
  return { overall: scores.overall, parentScore, cells }
}

/** Whether any scored question under a dimension or theme applies (is shown and not marked N/A). */
function hasApplicable(
  definition: QuestionnaireDefinition,
  key: string,
  answers: ReadonlyMap<string, AnswerContent>,
): boolean {
  const themes = definition.dimensions.flatMap(d => (d.key === key ? d.themes : d.themes.filter(t => t.key === key)))
  return themes.some(t =>
    t.questions.some(q => isScoredQuestion(q) && isVisible(q, answers) && !answers.get(q.key)?.notApplicable),
  )
}
