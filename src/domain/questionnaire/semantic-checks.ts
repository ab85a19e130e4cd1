import {
  allQuestions,
  LEVEL_VALUES,
  type LocatedQuestion,
  type QuestionnaireDefinition,
  type ShowIf,
} from './definition'
import { pointer } from './json-pointer'
import { questionType, SHOW_IF_TYPES } from './types'
import type { DefinitionError } from './validation-result'

// Lower-case dotted keys, like data.quality.standards: stable-looking, safe in URLs and CSV headers.
export const KEY_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/
const KEY_ADVICE = 'must be lower-case letters, digits and hyphens in dotted parts, like data.quality.standards'

export const SCALE_MIN = 1
export const SCALE_MAX = 5

function checkKeys(definition: QuestionnaireDefinition, errors: DefinitionError[]): void {
  if (!KEY_PATTERN.test(definition.key)) errors.push({ pointer: '/key', message: KEY_ADVICE })
  const firstSeen = new Map<string, string>()
  const claim = (key: string, at: string) => {
    if (!KEY_PATTERN.test(key)) errors.push({ pointer: at, message: KEY_ADVICE })
    const earlier = firstSeen.get(key)
    if (earlier) errors.push({ pointer: at, message: `"${key}" is already used at ${earlier.replace(/\/key$/, '')}` })
    else firstSeen.set(key, at)
  }
  definition.dimensions.forEach((dimension, d) => {
    claim(dimension.key, pointer('dimensions', d, 'key'))
    dimension.themes.forEach((theme, t) => {
      claim(theme.key, pointer('dimensions', d, 'themes', t, 'key'))
      theme.questions.forEach((question, q) =>
        claim(question.key, pointer('dimensions', d, 'themes', t, 'questions', q, 'key')),
      )
    })
  })
}

function checkScale(definition: QuestionnaireDefinition, errors: DefinitionError[]): void {
  const values = definition.scale.levels.map(l => l.value)
  if (values.join() !== LEVEL_VALUES.join()) {
    errors.push({ pointer: '/scale/levels', message: 'must list the levels 1, 2, 3, 4 and 5, in that order' })
  }
}

/** Each question's own type checks its definition (src/domain/questionnaire/types), then its showIf. */
function checkQuestions(definition: QuestionnaireDefinition, errors: DefinitionError[]): void {
  const located = allQuestions(definition)
  const position = new Map(located.map((l, i) => [l.question.key, i]))
  located.forEach(({ question, pointer: at }, index) => {
    errors.push(...questionType(question).checkDefinition(question, at))
    if (question.showIf) checkShowIf(question.showIf, at, index, located, position, errors)
  })
}

/** A showIf must follow an earlier question that has answers to follow, and name only those answers. */
function checkShowIf(
  showIf: ShowIf,
  at: string,
  index: number,
  located: readonly LocatedQuestion[],
  position: ReadonlyMap<string, number>,
  errors: DefinitionError[],
): void {
  const target = showIf.question
  const targetIndex = position.get(target)
  const targetQuestion = targetIndex === undefined ? undefined : located[targetIndex]?.question
  if (targetIndex === undefined || !targetQuestion) {
    errors.push({ pointer: `${at}/showIf/question`, message: `"${target}" is not a question in this questionnaire` })
    return
  }
  if (targetIndex >= index) {
    errors.push({
      pointer: `${at}/showIf/question`,
      message: `"${target}" must come before this question, so people answer it first`,
    })
    return
  }
  const allowed = questionType(targetQuestion)
    .showIfAnswers?.(targetQuestion)
    .map(a => a.value)
  if (!allowed) {
    const types = SHOW_IF_TYPES.join(', ').replace(/, ([^,]*)$/, ' or $1')
    errors.push({
      pointer: `${at}/showIf/question`,
      message: `"${target}" is a ${targetQuestion.type} question: showIf can only follow a ${types} question`,
    })
    return
  }
  showIf.values.forEach((value, v) => {
    if (!allowed.includes(value)) {
      errors.push({
        pointer: `${at}/showIf/values/${v}`,
        message: `${JSON.stringify(value)} is not an answer to "${target}": use one of ${allowed.map(a => JSON.stringify(a)).join(', ')}`,
      })
    }
  })
}

function checkSupersedes(
  definition: QuestionnaireDefinition,
  previous: QuestionnaireDefinition | 'already-checked' | undefined,
  errors: DefinitionError[],
): void {
  const supersedes = definition.supersedes
  if (!supersedes || previous === 'already-checked') return
  if (supersedes.version >= definition.version) {
    errors.push({ pointer: '/supersedes/version', message: `must be an earlier version than ${definition.version}` })
    return
  }
  if (!previous || previous.version !== supersedes.version || previous.key !== definition.key) {
    errors.push({
      pointer: '/supersedes/version',
      message: `there is no version ${supersedes.version} of "${definition.key}" to supersede`,
    })
    return
  }
  const oldKeys = new Set(allQuestions(previous).map(l => l.question.key))
  const newKeys = new Set(allQuestions(definition).map(l => l.question.key))
  for (const [oldKey, target] of Object.entries(supersedes.keyMap)) {
    const at = pointer('supersedes', 'keyMap', oldKey)
    if (!oldKeys.has(oldKey))
      errors.push({ pointer: at, message: `"${oldKey}" is not a question in version ${previous.version}` })
    const targets = Array.isArray(target) ? target : [target]
    targets.forEach((newKey, i) => {
      if (!newKeys.has(newKey)) {
        errors.push({
          pointer: Array.isArray(target) ? `${at}/${i}` : at,
          message: `"${newKey}" is not a question in version ${definition.version}`,
        })
      }
    })
  }
}

/** The rules the schema cannot say: unique, well-formed keys; answers that exist; a real earlier version. */
export function semanticErrors(
  definition: QuestionnaireDefinition,
  previous?: QuestionnaireDefinition | 'already-checked',
): DefinitionError[] {
  const errors: DefinitionError[] = []
  checkKeys(definition, errors)
  checkScale(definition, errors)
  checkQuestions(definition, errors)
  checkSupersedes(definition, previous, errors)
  return errors
}
