import { LEVEL_VALUES, type QuestionnaireDefinition, type ShowIf } from './definition'
import { pointer } from './json-pointer'
import { placeInWords } from './plain-words'
import { roleErrors } from './role-checks'
import { questionType, SHOW_IF_TYPES } from './types'
import { isObject, keysOf, listAt, questionSpots, usableKey, type Json, type QuestionSpot } from './usable-parts'
import type { Finding } from './validation-result'

// Lower-case dotted keys, like data.quality.standards: stable-looking, safe in URLs and CSV headers.
export const KEY_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/
const KEY_ADVICE = 'must be lower-case letters, digits and hyphens in dotted parts, like data.quality.standards'

export const SCALE_MIN = 1
export const SCALE_MAX = 5

const quoted = (value: unknown): string => `“${String(value)}”`

function checkKeys(document: unknown, errors: Finding[]): void {
  const own = usableKey(isObject(document) ? document.key : undefined)
  if (own !== undefined && !KEY_PATTERN.test(own)) errors.push({ pointer: '/key', message: KEY_ADVICE })
  const firstSeen = new Map<string, string>()
  for (const { key, at } of keysOf(document)) {
    if (!KEY_PATTERN.test(key)) errors.push({ pointer: at, message: KEY_ADVICE })
    const earlier = firstSeen.get(key)
    if (earlier === undefined) firstSeen.set(key, at)
    else
      errors.push({
        pointer: at,
        message: `key ${quoted(key)} is already used by ${placeInWords(earlier.replace(/\/key$/, ''))}`,
        clause: true,
      })
  }
}

/** Checked only when there are five levels with values on the scale: otherwise the schema has said so. */
function checkScale(document: unknown, errors: Finding[]): void {
  const levels = listAt(isObject(document) ? document.scale : undefined, 'levels')
  const values = levels.map(l => (isObject(l) ? l.value : undefined))
  const onScale = values.every(v => typeof v === 'number' && LEVEL_VALUES.includes(v as 1))
  if (levels.length === LEVEL_VALUES.length && onScale && values.join() !== LEVEL_VALUES.join()) {
    errors.push({ pointer: '/scale/levels', message: 'must have the values 1, 2, 3, 4 and 5, in that order' })
  }
}

/**
 * Each question that passed the schema is checked by its own type (src/domain/questionnaire/types), then
 * its showIf; a question that did not has its problems listed already.
 */
function checkQuestions(spots: readonly QuestionSpot[], errors: Finding[]): void {
  // A key used twice is listed as a problem; a showIf naming it follows the first.
  const position = new Map<string, number>()
  spots.forEach((s, i) => {
    if (s.key !== undefined && !position.has(s.key)) position.set(s.key, i)
  })
  spots.forEach(({ question, at }, index) => {
    if (!question) return
    errors.push(...questionType(question).checkDefinition(question, at))
    if (question.showIf) checkShowIf(question.showIf, at, index, spots, position, errors)
  })
}

/** A showIf must follow an earlier question that has answers to follow, and name only those answers. */
function checkShowIf(
  showIf: ShowIf,
  at: string,
  index: number,
  spots: readonly QuestionSpot[],
  position: ReadonlyMap<string, number>,
  errors: Finding[],
): void {
  const target = showIf.question
  const targetIndex = position.get(target)
  const where = `${at}/showIf/question`
  if (targetIndex === undefined) {
    errors.push({
      pointer: where,
      message: `showIf names ${quoted(target)}, which is not a question in this questionnaire`,
      clause: true,
    })
    return
  }
  if (targetIndex >= index) {
    errors.push({
      pointer: where,
      message: `showIf names ${quoted(target)}, which must come before this question, so people answer it first`,
      clause: true,
    })
    return
  }
  // A question the schema refused has its own problems listed; what it offers cannot be known yet.
  const targetQuestion = spots[targetIndex]?.question
  if (!targetQuestion) return
  const allowed = questionType(targetQuestion)
    .showIfAnswers?.(targetQuestion)
    .map(a => a.value)
  if (!allowed) {
    const types = SHOW_IF_TYPES.join(', ').replace(/, ([^,]*)$/, ' or $1')
    errors.push({
      pointer: where,
      message: `showIf names ${quoted(target)}, a ${targetQuestion.type} question: showIf can only follow a ${types} question`,
      clause: true,
    })
    return
  }
  showIf.values.forEach((value, v) => {
    if (!allowed.includes(value)) {
      errors.push({
        pointer: `${at}/showIf/values/${v}`,
        message: `showIf value ${quoted(value)} is not an answer to ${quoted(target)}: use one of ${allowed.map(quoted).join(', ')}`,
        clause: true,
      })
    }
  })
}

/** The new question keys each old key became, leaving out any the schema has already refused. */
function keyMapTargets(target: unknown, at: string): { newKey: string; at: string }[] {
  if (typeof target === 'string') return [{ newKey: target, at }]
  if (!Array.isArray(target)) return []
  return target.flatMap((newKey, i) => (typeof newKey === 'string' ? [{ newKey, at: `${at}/${i}` }] : []))
}

function checkSupersedes(
  document: Json,
  spots: readonly QuestionSpot[],
  previous: QuestionnaireDefinition | 'already-checked' | undefined,
  errors: Finding[],
): void {
  const supersedes = document.supersedes
  if (!isObject(supersedes) || previous === 'already-checked') return
  const { version } = document
  const supersededVersion = supersedes.version
  if (typeof supersededVersion !== 'number' || !Number.isSafeInteger(supersededVersion)) return
  if (typeof version === 'number' && supersededVersion >= version) {
    errors.push({ pointer: '/supersedes/version', message: `must be an earlier version than ${version}` })
    return
  }
  const key = usableKey(document.key)
  if (!previous || previous.version !== supersededVersion || previous.key !== key) {
    errors.push({
      pointer: '/supersedes/version',
      message: `there is no version ${supersededVersion} of ${key === undefined ? 'this questionnaire' : quoted(key)} to supersede`,
      clause: true,
    })
    return
  }
  const keyMap = supersedes.keyMap
  if (!isObject(keyMap)) return
  const oldKeys = new Set(questionSpots(previous, new Set()).map(s => s.key))
  const newKeys = new Set(spots.map(s => s.key))
  const versionNow = typeof version === 'number' ? `version ${version}` : 'this version'
  for (const [oldKey, target] of Object.entries(keyMap)) {
    const at = pointer('supersedes', 'keyMap', oldKey)
    if (!oldKeys.has(oldKey))
      errors.push({
        pointer: at,
        message: `old key ${quoted(oldKey)} is not a question in version ${previous.version}`,
        clause: true,
      })
    for (const { newKey, at: targetAt } of keyMapTargets(target, at)) {
      if (!newKeys.has(newKey))
        errors.push({
          pointer: targetAt,
          message: `new key ${quoted(newKey)} is not a question in ${versionNow}`,
          clause: true,
        })
    }
  }
}

/**
 * The rules the schema cannot say: unique, well-formed keys; answers that exist; a real earlier version and
 * real keys in its keyMap. Each is checked on whatever parts of the document have the shape it needs, so
 * these problems are listed beside the schema's, all at once.
 */
export function semanticErrors(
  document: unknown,
  passedSchema: ReadonlySet<unknown>,
  previous?: QuestionnaireDefinition | 'already-checked',
): Finding[] {
  const errors: Finding[] = []
  const spots = questionSpots(document, passedSchema)
  checkKeys(document, errors)
  checkScale(document, errors)
  checkQuestions(spots, errors)
  errors.push(...roleErrors(document, spots))
  if (isObject(document)) checkSupersedes(document, spots, previous, errors)
  return errors
}
