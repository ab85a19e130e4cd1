import { answerMessage, type AnswerIssue } from '../questionnaire/answer-messages'
import {
  allQuestions,
  needsEvidence,
  type Question,
  type QuestionnaireDefinition,
  type Theme,
} from '../questionnaire/definition'
import { isAnswered, type Answer, type AnswerContent } from './answer'

export type AnswerMap = ReadonlyMap<string, Answer>

/** A question shows when it has no showIf, or the question it names has one of the listed answers. */
export function isVisible(question: Question, answers: ReadonlyMap<string, AnswerContent>): boolean {
  if (!question.showIf) return true
  const answer = answers.get(question.showIf.question)
  if (!answer || answer.notApplicable) return false
  const given = answer.level ?? answer.value
  const values = question.showIf.values.map(String)
  if (Array.isArray(given)) return given.some(v => values.includes(v))
  return given !== null && values.includes(String(given))
}

export type ThemeStatus = 'not_started' | 'in_progress' | 'completed'

export interface ThemeProgress {
  theme: Theme
  status: ThemeStatus
  answered: number
  toConfirm: number
  /** Required, visible questions still without an answer. */
  missing: Question[]
}

export function themeProgress(theme: Theme, answers: AnswerMap): ThemeProgress {
  const visible = theme.questions.filter(q => isVisible(q, answers))
  const answered = visible.filter(q => isAnswered(answers.get(q.key))).length
  const toConfirm = visible.filter(q => answers.get(q.key)?.carriedFrom).length
  const missing = visible.filter(q => q.required && !isAnswered(answers.get(q.key)))
  const status: ThemeStatus =
    answered === 0 ? 'not_started' : missing.length === 0 && toConfirm === 0 ? 'completed' : 'in_progress'
  return { theme, status, answered, toConfirm, missing }
}

export interface Progress {
  themes: ThemeProgress[]
  completedThemes: number
  totalThemes: number
  /** Share of required visible questions answered, 0 to 1. */
  share: number
}

export function progress(definition: QuestionnaireDefinition, answers: AnswerMap): Progress {
  const themes = definition.dimensions.flatMap(d => d.themes.map(t => themeProgress(t, answers)))
  const required = allQuestions(definition).filter(l => l.question.required && isVisible(l.question, answers))
  const done = required.filter(l => isAnswered(answers.get(l.question.key))).length
  return {
    themes,
    completedThemes: themes.filter(t => t.status === 'completed').length,
    totalThemes: themes.length,
    share: required.length === 0 ? 1 : done / required.length,
  }
}

export interface SubmitProblem {
  questionKey: string
  themeKey: string
  /** Not answered, a carried answer to confirm, or evidence still to give. */
  kind: 'missing' | 'carried-over' | 'evidence-missing'
  message: string
}

/** What stops an assessment being submitted: every required visible question answered, evidence where required, carried answers confirmed. */
export function submitProblems(definition: QuestionnaireDefinition, answers: AnswerMap): SubmitProblem[] {
  const problems: SubmitProblem[] = []
  for (const { question, theme } of allQuestions(definition)) {
    if (!isVisible(question, answers)) continue
    const answer = answers.get(question.key)
    const problem = (issue: Extract<AnswerIssue, { kind: SubmitProblem['kind'] }>) =>
      problems.push({
        questionKey: question.key,
        themeKey: theme.key,
        kind: issue.kind,
        message: answerMessage(question, issue),
      })
    if (question.required && !isAnswered(answer)) problem({ kind: 'missing' })
    else if (answer?.carriedFrom) problem({ kind: 'carried-over', from: answer.carriedFrom })
    else if (isAnswered(answer) && needsEvidence(question, answer) && !answer?.evidence?.trim())
      problem(
        question.type === 'maturity' && question.evidenceFromLevel !== undefined
          ? { kind: 'evidence-missing', fromLevel: question.evidenceFromLevel }
          : { kind: 'evidence-missing' },
      )
  }
  return problems
}
