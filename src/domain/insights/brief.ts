import type { MaturityQuestion, QuestionnaireDefinition } from '../questionnaire/definition'
import { nextLevel } from '../report'
import type { HeatmapLevel } from './heatmap'

export interface BriefQuestion {
  question: MaturityQuestion
  themeTitle: string
}

/**
 * The maturity questions a heatmap column covers: the question itself, or every one under its theme or
 * dimension. Scored choice questions have no level descriptors, so a brief has no next step to offer.
 */
export function maturityQuestionsUnder(
  definition: QuestionnaireDefinition,
  level: HeatmapLevel,
  key: string,
): BriefQuestion[] {
  return definition.dimensions.flatMap(dimension =>
    dimension.themes.flatMap(theme =>
      theme.questions
        .filter((q): q is MaturityQuestion => q.type === 'maturity')
        .filter(q => (level === 'dimension' ? dimension.key : level === 'theme' ? theme.key : q.key) === key)
        .map(question => ({ question, themeTitle: theme.title })),
    ),
  )
}

/** The middle level, or the mean of the middle two; null when nobody has one. */
export function medianLevel(levels: readonly number[]): number | null {
  if (levels.length === 0) return null
  const sorted = [...levels].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] as number
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2
}

export interface GroupStep {
  median: number | null
  /** The first level above the median (3 for a median of 2 or 2.5); null at the top, or with no levels. */
  next: { level: number; descriptor: string } | null
  /** How many members are at each level, lowest first, so a reader sees the spread behind the median. */
  tally: { level: number; count: number }[]
  /** Members the question does not apply to, or who have not answered it. */
  without: number
}

/** Where a group stands on one question and what the next level up would ask of it. */
export function groupStep(question: MaturityQuestion, levels: readonly (number | null)[]): GroupStep {
  const present = levels.filter((l): l is number => l !== null)
  const median = medianLevel(present)
  const counts = new Map<number, number>()
  for (const level of present) counts.set(level, (counts.get(level) ?? 0) + 1)
  return {
    median,
    next: median === null ? null : nextLevel(question, median),
    tally: [...counts].sort(([a], [b]) => a - b).map(([level, count]) => ({ level, count })),
    without: levels.length - present.length,
  }
}
