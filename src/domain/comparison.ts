import { allQuestions, isScored, type QuestionnaireDefinition } from './questionnaire/definition'
import type { KeyMap } from './questionnaire/compare'

/**
 * Questions asked the same way in two versions, as newer key → older key: the same key, or a one-to-one
 * move through the keyMap. A question split in two asks something narrower than the old one, and a new
 * question has no past, so neither is compared: a change in score must mean a change in the borough.
 */
export function comparableQuestions(
  older: QuestionnaireDefinition,
  newer: QuestionnaireDefinition,
  keyMap: Readonly<KeyMap>,
): Map<string, string> {
  const olderScored = new Set(
    allQuestions(older)
      .filter(l => isScored(l.question))
      .map(l => l.question.key),
  )
  const newerScored = new Set(
    allQuestions(newer)
      .filter(l => isScored(l.question))
      .map(l => l.question.key),
  )
  const pairs = new Map<string, string>()
  for (const oldKey of olderScored) {
    const mapped = keyMap[oldKey]
    const newKey = mapped === undefined ? oldKey : mapped.length === 1 ? mapped[0] : undefined
    if (newKey !== undefined && newerScored.has(newKey) && !pairs.has(newKey)) pairs.set(newKey, oldKey)
  }
  return pairs
}

/** The definition with only the given scored questions (unscored ones stay, as showIf may depend on them). */
export function restrictTo(definition: QuestionnaireDefinition, keys: ReadonlySet<string>): QuestionnaireDefinition {
  return {
    ...definition,
    dimensions: definition.dimensions.map(dimension => ({
      ...dimension,
      themes: dimension.themes.map(theme => ({
        ...theme,
        questions: theme.questions.filter(q => !isScored(q) || keys.has(q.key)),
      })),
    })),
  }
}

/** Older answers (or moderated levels) filed under the newer keys, through the keyMap; the rest keep their key. */
export function remapKeys<T>(values: ReadonlyMap<string, T>, keyMap: Readonly<KeyMap>): Map<string, T> {
  const remapped = new Map<string, T>()
  for (const [key, value] of values) {
    const targets = keyMap[key] ?? [key]
    for (const target of targets) if (!remapped.has(target)) remapped.set(target, value)
  }
  return remapped
}
