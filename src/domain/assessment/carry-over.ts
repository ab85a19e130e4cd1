import { allQuestions, type QuestionnaireDefinition } from '../questionnaire/definition'
import type { AnswerContent } from './answer'
import { checkAnswer } from './answer'

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
