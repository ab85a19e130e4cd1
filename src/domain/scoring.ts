import type { AnswerContent } from './assessment/answer'
import { isVisible } from './assessment/progress'
import type { Question, QuestionnaireDefinition } from './questionnaire/definition'
import { questionType } from './questionnaire/types'

/**
 * The one published scoring rule. Scores are derived, never typed in.
 * - A maturity answer scores its level; a choice answer its option's score where it has one; nothing
 *   else scores. "Not applicable" and unanswered questions have no score. Each question type's module
 *   (src/domain/questionnaire/types) says how it scores.
 * - Theme, dimension and overall scores are weighted means of what below them has a score.
 * - Coverage is the share of applicable scored questions that have a score; "not applicable" removes
 *   a question from both sides, so it never lowers coverage.
 * - Basis `self` uses the respondent's answers; `final` uses the assessor's moderated level where there is one.
 */
export type Basis = 'self' | 'final'

export interface Scored {
  score: number | null
  coverage: number
}

export interface ThemeScore extends Scored {
  key: string
}

export interface DimensionScore extends Scored {
  key: string
  themes: ThemeScore[]
}

export interface Scores {
  overall: number | null
  coverage: number
  dimensions: DimensionScore[]
}

/** What the rule needs to know of a question's answer and, for `final`, its moderated level. */
export interface ScoringInput {
  answers: ReadonlyMap<string, AnswerContent>
  moderatedLevels?: ReadonlyMap<string, number>
  basis: Basis
}

/** Whether a question scores at all: its type says (see src/domain/questionnaire/types). */
export function isScoredQuestion(question: Question): boolean {
  return questionType(question).scoring?.isScored(question) ?? false
}

/** A question's score, or null when it has none; 'n/a' when it does not apply. */
export function questionScore(question: Question, input: ScoringInput): number | null | 'n/a' {
  const answer = input.answers.get(question.key)
  if (answer?.notApplicable) return 'n/a'
  const moderated = input.basis === 'final' ? input.moderatedLevels?.get(question.key) : undefined
  return questionType(question).scoring?.score(question, answer, moderated) ?? null
}

interface Tally {
  weighted: number
  weights: number
  scored: number
  applicable: number
}

const mean = (t: Tally): number | null => (t.weights > 0 ? t.weighted / t.weights : null)
const coverage = (t: Tally): number => (t.applicable === 0 ? 0 : t.scored / t.applicable)

export function score(definition: QuestionnaireDefinition, input: ScoringInput): Scores {
  const overall: Tally = { weighted: 0, weights: 0, scored: 0, applicable: 0 }
  const dimensions = definition.dimensions.map(dimension => {
    const dim: Tally = { weighted: 0, weights: 0, scored: 0, applicable: 0 }
    const themes = dimension.themes.map(theme => {
      const t: Tally = { weighted: 0, weights: 0, scored: 0, applicable: 0 }
      for (const question of theme.questions) {
        if (!isScoredQuestion(question) || !isVisible(question, input.answers)) continue
        const s = questionScore(question, input)
        if (s === 'n/a') continue
        t.applicable++
        if (s === null) continue
        t.scored++
        t.weighted += question.weight * s
        t.weights += question.weight
      }
      const themeScore = mean(t)
      dim.scored += t.scored
      dim.applicable += t.applicable
      if (themeScore !== null) {
        dim.weighted += theme.weight * themeScore
        dim.weights += theme.weight
      }
      return { key: theme.key, score: themeScore, coverage: coverage(t) }
    })
    const dimensionScore = mean(dim)
    overall.scored += dim.scored
    overall.applicable += dim.applicable
    if (dimensionScore !== null) {
      overall.weighted += dimension.weight * dimensionScore
      overall.weights += dimension.weight
    }
    return { key: dimension.key, score: dimensionScore, coverage: coverage(dim), themes }
  })
  return { overall: mean(overall), coverage: coverage(overall), dimensions }
}
