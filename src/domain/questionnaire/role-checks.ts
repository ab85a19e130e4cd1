/**
 * The rules for the answers the analysis reads: a role sits on the type it is read as, a delivery question
 * offers exactly in house, shared and outsourced, a figure of investment is asked once, and every service
 * area says how it is delivered, on which system, and what it can do (its capability checklist).
 */
import { DELIVERY_OPTIONS, QUESTION_ROLES, type Question } from './definition'
import { placeInWords } from './plain-words'
import { isObject, listAt, type QuestionSpot } from './usable-parts'
import type { Finding } from './validation-result'

const AREA_PARTS: { what: string; has: (q: Question) => boolean }[] = [
  { what: 'delivery question (a choice with role “delivery”)', has: q => q.role === 'delivery' },
  { what: 'system question (a text question with role “system”)', has: q => q.role === 'system' },
  { what: 'capability checklist (a checklist question)', has: q => q.type === 'checklist' },
]

function checkRole(question: Question, at: string, firstAt: Map<string, string>, errors: Finding[]): void {
  const role = question.role
  if (role === undefined) return
  const wanted = QUESTION_ROLES[role]
  if (question.type !== wanted)
    errors.push({
      pointer: `${at}/role`,
      message: `role “${role}” belongs on a ${wanted} question, not a ${question.type} question`,
      clause: true,
    })
  if (
    role === 'delivery' &&
    question.type === 'choice' &&
    question.options.map(o => o.value).join() !== DELIVERY_OPTIONS.join()
  )
    errors.push({
      pointer: `${at}/options`,
      message: `a delivery question offers exactly ${DELIVERY_OPTIONS.map(v => `“${v}”`).join(', ')}, in that order`,
      clause: true,
    })
  if (role === 'delivery' && question.allowNotApplicable)
    errors.push({
      pointer: `${at}/allowNotApplicable`,
      message: 'someone delivers every service: a delivery question is never “not applicable”',
      clause: true,
    })
  if (role === 'delivery' || role === 'system') return
  const earlier = firstAt.get(role)
  if (earlier === undefined) firstAt.set(role, at)
  else
    errors.push({
      pointer: `${at}/role`,
      message: `role “${role}” is already given to ${placeInWords(earlier)}`,
      clause: true,
    })
}

export function roleErrors(document: unknown, spots: readonly QuestionSpot[]): Finding[] {
  const errors: Finding[] = []
  const firstAt = new Map<string, string>()
  for (const { question, at } of spots) if (question) checkRole(question, at, firstAt, errors)

  listAt(document, 'dimensions').forEach((dimension, d) =>
    listAt(dimension, 'themes').forEach((theme, t) => {
      if (!isObject(theme) || !isObject(theme.serviceArea)) return
      const at = `/dimensions/${d}/themes/${t}`
      const inTheme = spots.filter(s => s.at.startsWith(`${at}/questions/`))
      if (inTheme.some(s => !s.question)) return
      for (const part of AREA_PARTS) {
        const count = inTheme.filter(s => s.question && part.has(s.question)).length
        if (count !== 1)
          errors.push({
            pointer: `${at}/questions`,
            message: `a service area holds exactly one ${part.what}; this one has ${count}`,
            clause: true,
          })
      }
    }),
  )
  return errors
}
