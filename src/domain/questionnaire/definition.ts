/** The questionnaire definition format: see questionnaire.schema.json, its machine-checked twin. */

export type LevelValue = 1 | 2 | 3 | 4 | 5
export const LEVEL_VALUES: readonly LevelValue[] = [1, 2, 3, 4, 5]

export interface ScaleLevel {
  value: LevelValue
  name: string
  summary: string
}

export type EvidenceRule = 'none' | 'optional' | 'required'

export interface ShowIf {
  question: string
  values: (string | number)[]
}

interface QuestionBase {
  key: string
  prompt: string
  /** A short name for the question, as error messages say it ("the number of line-of-business systems"). */
  name?: string
  hint?: string
  required: boolean
  weight: number
  allowNotApplicable: boolean
  evidence: EvidenceRule
  showIf?: ShowIf
  /** What the analysis reads this answer as: see QUESTION_ROLES. */
  role?: QuestionRole
}

/**
 * Roles mark the answers the analysis reads, by meaning rather than by key, so a later version can reword
 * or move them: how a service area is delivered and on which system, and the figures of investment.
 */
export const QUESTION_ROLES = {
  delivery: 'choice',
  system: 'text',
  'net-revenue-budget': 'number',
  'change-spend-revenue': 'number',
  'change-spend-capital': 'number',
  population: 'number',
} as const
export type QuestionRole = keyof typeof QUESTION_ROLES

/** A delivery question's options, exactly: never "not applicable", since someone delivers every service. */
export const DELIVERY_OPTIONS = ['in-house', 'shared', 'outsourced'] as const

export interface MaturityQuestion extends QuestionBase {
  type: 'maturity'
  levels: Record<'1' | '2' | '3' | '4' | '5', string>
  /** Evidence is needed, at submit, for a level at or above this one; `evidence` must then be optional. */
  evidenceFromLevel?: 2 | 3 | 4 | 5
}

/** Whether an answer needs evidence before submitting: always where required, or from a maturity question's level. */
export function needsEvidence(
  question: Question,
  answer: { level: number | null; notApplicable: boolean } | undefined,
): boolean {
  if (!answer || answer.notApplicable) return false
  if (question.evidence === 'required') return true
  return question.type === 'maturity' && question.evidenceFromLevel !== undefined && answer.level !== null
    ? answer.level >= question.evidenceFromLevel
    : false
}

export interface ChoiceOption {
  value: string
  label: string
  score?: number
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'choice'
  options: ChoiceOption[]
}

export interface MultiQuestion extends QuestionBase {
  type: 'multi'
  options: ChoiceOption[]
}

/** A capability checklist: the capabilities a service has today, which capability gaps are read from. */
export interface ChecklistQuestion extends QuestionBase {
  type: 'checklist'
  options: ChoiceOption[]
}

export interface NumberQuestion extends QuestionBase {
  type: 'number'
  min?: number
  max?: number
  unit?: string
  /** Whole numbers only; when not given, a number without a unit counts things and so is whole. */
  wholeNumber?: boolean
}

export interface TextQuestion extends QuestionBase {
  type: 'text'
  maxLength: number
}

export type Question =
  MaturityQuestion | ChoiceQuestion | MultiQuestion | ChecklistQuestion | NumberQuestion | TextQuestion
export type QuestionType = Question['type']

export interface Theme {
  key: string
  title: string
  weight: number
  /** Marks a service area: it then holds a delivery, a system and a checklist question. */
  serviceArea?: { categories: string[] }
  questions: Question[]
}

export interface Dimension {
  key: string
  title: string
  description: string
  weight: number
  themes: Theme[]
}

export interface Supersedes {
  version: number
  /** Old question key → new question key, for questions that moved, were renamed or split. */
  keyMap: Record<string, string | string[]>
}

export interface QuestionnaireDefinition {
  key: string
  version: number
  title: string
  description: string
  scale: { levels: ScaleLevel[] }
  weakThreshold: number
  /** How a level is chosen, shown beside every maturity question to respondents and assessors. */
  levelRule?: string
  dimensions: Dimension[]
  supersedes?: Supersedes
}

export interface LocatedQuestion {
  question: Question
  dimension: Dimension
  theme: Theme
  /** JSON pointer to the question inside the definition. */
  pointer: string
}

const questionIndexes = new WeakMap<QuestionnaireDefinition, Map<string, Question>>()

/** One question by its key, from an index made once per definition (each is read whole, never changed). */
export function questionByKey(definition: QuestionnaireDefinition, key: string): Question | undefined {
  let index = questionIndexes.get(definition)
  if (!index) {
    index = new Map(allQuestions(definition).map(l => [l.question.key, l.question]))
    questionIndexes.set(definition, index)
  }
  return index.get(key)
}

/** Every question in order, with where it sits. */
export function allQuestions(definition: QuestionnaireDefinition): LocatedQuestion[] {
  return definition.dimensions.flatMap((dimension, d) =>
    dimension.themes.flatMap((theme, t) =>
      theme.questions.map((question, q) => ({
        question,
        dimension,
        theme,
        pointer: `/dimensions/${d}/themes/${t}/questions/${q}`,
      })),
    ),
  )
}

export function isScored(question: Question): boolean {
  if (question.type === 'maturity') return true
  if (question.type === 'choice') return question.options.some(o => o.score !== undefined)
  return false
}
