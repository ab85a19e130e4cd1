import { allQuestions, type QuestionnaireDefinition } from '../questionnaire/definition'
import type { Answer, AnswerContent } from './answer'
import { checkAnswer, isAnswered } from './answer'

/** What a council chose about last round's answers: taken once, or declined. */
export type CarryOverDecision = 'taken' | 'declined'

/**
 * Last round's answers, moved onto this round's questions: same key, or through the keyMap (a split
 * question gives its answer to both halves). Only answers that are still valid for the new question
 * travel; a removed question's answer stays behind.
 *
 * Where an assessor moderated a level last round, the moderated level travels instead of the self-assessed
 * one: it is the level London agreed, and starting from the old self level would quietly undo the
 * moderation. The evidence stays the borough's own. "Not applicable" wins over a moderated level, as it
 * does in the scoring rule.
 */
export function carryOver(
  previous: ReadonlyMap<string, AnswerContent>,
  next: QuestionnaireDefinition,
  keyMap: Readonly<Record<string, string[]>>,
  moderatedLevels: ReadonlyMap<string, number> = new Map(),
): Map<string, AnswerContent> {
  const questions = new Map(allQuestions(next).map(l => [l.question.key, l.question]))
  const mappedAway = new Set(Object.keys(keyMap))
  const carried = new Map<string, AnswerContent>()
  const offer = (newKey: string, answer: AnswerContent) => {
    const question = questions.get(newKey)
    if (!question || carried.has(newKey)) return
    const checked = checkAnswer(question, { ...answer })
    if (checked.content) carried.set(newKey, checked.content)
  }
  for (const [oldKey, selfAnswer] of previous) {
    const moderated = moderatedLevels.get(oldKey)
    const answer =
      moderated !== undefined && selfAnswer.level !== null && !selfAnswer.notApplicable
        ? { ...selfAnswer, level: moderated }
        : selfAnswer
    if (mappedAway.has(oldKey)) for (const newKey of keyMap[oldKey] ?? []) offer(newKey, answer)
    else offer(oldKey, answer)
  }
  return carried
}

/** Carried answers split by what this round already holds: written (at the revision each would take) or kept. */
export interface CarryOverPlan {
  /** Questions still unanswered, in questionnaire order, with the answer they get and its revision. */
  write: { questionKey: string; content: AnswerContent; revision: number }[]
  /** Questions last round answered that already have this round's answer, in questionnaire order: left as they are. */
  kept: string[]
}

/** Whether a saved answer holds anything the team gave: a level, a value, "not applicable", or evidence alone. */
const given = (answer: Answer | undefined): boolean =>
  answer !== undefined && (isAnswered(answer) || (answer.evidence ?? '').trim() !== '')

/**
 * Which carried answers may be written: only onto questions with nothing given yet, so taking last
 * round's answers never overwrites one of this round's. A row left empty (an answer cleared) is
 * unanswered and takes the carried answer at its next revision.
 */
export function planCarryOver(
  carried: ReadonlyMap<string, AnswerContent>,
  existing: ReadonlyMap<string, Answer>,
  next: QuestionnaireDefinition,
): CarryOverPlan {
  const plan: CarryOverPlan = { write: [], kept: [] }
  for (const { question } of allQuestions(next)) {
    const content = carried.get(question.key)
    if (!content) continue
    const answer = existing.get(question.key)
    if (given(answer)) plan.kept.push(question.key)
    else plan.write.push({ questionKey: question.key, content, revision: (answer?.revision ?? 0) + 1 })
  }
  return plan
}
