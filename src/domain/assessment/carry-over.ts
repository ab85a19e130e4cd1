import { allQuestions, type QuestionnaireDefinition } from '../questionnaire/definition'
import type { AnswerContent } from './answer'
import { checkAnswer } from './answer'

/**
 * Last round's answers, moved onto this round's questions: same key, or through the keyMap (a split
 * question gives its answer to both halves). Only answers that are still valid for the new question
 * travel; a removed question's answer stays behind.
 */
export function carryOver(
  previous: ReadonlyMap<string, AnswerContent>,
  next: QuestionnaireDefinition,
  keyMap: Readonly<Record<string, string[]>>,
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
  for (const [oldKey, answer] of previous) {
    if (mappedAway.has(oldKey)) for (const newKey of keyMap[oldKey] ?? []) offer(newKey, answer)
    else offer(oldKey, answer)
  }
  return carried
}
