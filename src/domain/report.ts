import type { MaturityQuestion, QuestionnaireDefinition } from './questionnaire/definition'
import type { Scores } from './scoring'

export interface RankedTheme {
  key: string
  title: string
  dimensionTitle: string
  score: number
}

/**
 * The strongest and weakest themes by score, `count` of each, never the same theme in both lists; ties
 * go by questionnaire order so the lists do not shuffle between visits.
 */
export function rankThemes(
  definition: QuestionnaireDefinition,
  scores: Scores,
  count = 3,
): { strongest: RankedTheme[]; weakest: RankedTheme[] } {
  const themes: (RankedTheme & { order: number })[] = []
  definition.dimensions.forEach((dimension, d) =>
    dimension.themes.forEach((theme, t) => {
      const value = scores.dimensions[d]?.themes[t]?.score
      if (value === null || value === undefined) return
      themes.push({
        key: theme.key,
        title: theme.title,
        dimensionTitle: dimension.title,
        score: value,
        order: themes.length,
      })
    }),
  )
  const each = Math.min(count, Math.floor(themes.length / 2))
  const strip = ({ order: _order, ...theme }: RankedTheme & { order: number }): RankedTheme => theme
  const strongest = [...themes].sort((a, b) => b.score - a.score || a.order - b.order).slice(0, each)
  const weakest = [...themes].sort((a, b) => a.score - b.score || a.order - b.order).slice(0, each)
  return { strongest: strongest.map(strip), weakest: weakest.map(strip) }
}

/** The suggested next step: what the next level up looks like, or null at the top of the scale. */
export function nextLevel(
  question: MaturityQuestion,
  level: number | null,
): { level: number; descriptor: string } | null {
  const next = level === null ? 1 : Math.floor(level) + 1
  if (next > 5) return null
  return { level: next, descriptor: question.levels[String(next) as keyof MaturityQuestion['levels']] }
}
