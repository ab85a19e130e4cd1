import { comparableQuestions } from '../comparison'
import type { FieldError } from '../errors'
import { composeKeyMaps, type KeyMap } from './compare'
import { allQuestions, type QuestionnaireDefinition } from './definition'

/** A question of a published version that does not ask what the version it supersedes asked under its key. */
export interface Erratum {
  /** The questionnaire's key. */
  key: string
  /** The version the erratum is recorded against: its question is not comparable with the one before. */
  version: number
  /** The question's key in that version. */
  question: string
  reason: string
  recordedAt: Date
}

/** One link of a chain of versions: the keyMap a version records from the version it supersedes. */
export interface ChainStep {
  version: number
  keyMap: Readonly<Record<string, string | string[]>>
}

/** A question the comparison across a chain leaves out because an erratum says so. */
export interface NotComparable {
  /** The question's key in the newest version of the chain. */
  key: string
  /** The keys in the oldest version it would otherwise have been compared with. */
  previousKeys: string[]
  /** The version the erratum is recorded against, and its question's key there. */
  version: number
  question: string
  reason: string
}

const normalised = (keyMap: ChainStep['keyMap']): KeyMap =>
  Object.fromEntries(Object.entries(keyMap).map(([k, v]) => [k, Array.isArray(v) ? [...v] : [v]]))

/**
 * A step's keyMap with the given questions of its newer version cut loose from their predecessors: no
 * older key leads to them any more, and a question that kept its key no longer follows itself.
 */
export function cutLoose(keyMap: ChainStep['keyMap'], questions: ReadonlySet<string>): KeyMap {
  const cut = Object.fromEntries(
    Object.entries(normalised(keyMap)).map(([from, to]) => [from, to.filter(key => !questions.has(key))]),
  )
  for (const question of questions) if (!(question in cut)) cut[question] = []
  return cut
}

/**
 * The keyMap across a chain of versions (oldest step first) once the errata recorded against its versions
 * are applied, and the questions those errata leave out, named in the newest version with the keys of the
 * oldest they were mapped from. Errata against the oldest version itself say nothing about this chain.
 */
export function chainWithErrata(
  steps: readonly ChainStep[],
  errata: readonly Pick<Erratum, 'version' | 'question' | 'reason'>[],
): { keyMap: KeyMap; notComparable: NotComparable[] } {
  const questionsOf = (version: number) => new Set(errata.filter(e => e.version === version).map(e => e.question))
  const cut = steps.map(step => cutLoose(step.keyMap, questionsOf(step.version)))
  const notComparable = steps.flatMap((step, i) => {
    const before = composeKeyMaps([...cut.slice(0, i), normalised(step.keyMap)])
    const after = composeKeyMaps(cut.slice(i + 1))
    return errata
      .filter(e => e.version === step.version)
      .flatMap(e => {
        const moved = Object.keys(before).filter(k => (before[k] ?? []).includes(e.question))
        const previousKeys = moved.length > 0 || e.question in before ? moved : [e.question]
        const keys = e.question in after ? (after[e.question] ?? []) : [e.question]
        return keys.map(key => ({ key, previousKeys, version: e.version, question: e.question, reason: e.reason }))
      })
  })
  return { keyMap: composeKeyMaps(cut), notComparable }
}

export const REASON_MAX = 1000

/** The questions of a version that an erratum may name: scored, and compared with the version before. */
export function erratumCandidates(
  older: QuestionnaireDefinition,
  newer: QuestionnaireDefinition,
  keyMap: ChainStep['keyMap'],
  recorded: readonly string[],
): { key: string; prompt: string }[] {
  const compared = comparableQuestions(older, newer, normalised(keyMap))
  return allQuestions(newer)
    .filter(l => compared.has(l.question.key) && !recorded.includes(l.question.key))
    .map(l => ({ key: l.question.key, prompt: l.question.prompt }))
}

/** What an administrator typed, checked: each problem named by its field, nothing changed. */
export function checkErratum(
  raw: { question?: unknown; reason?: unknown },
  context: { version: number; supersedes: number; candidates: readonly { key: string }[]; recorded: readonly string[] },
): { value?: { question: string; reason: string }; errors: FieldError[] } {
  const errors: FieldError[] = []
  const question = typeof raw.question === 'string' ? raw.question.trim() : ''
  const reason = typeof raw.reason === 'string' ? raw.reason.trim() : ''
  if (question === '') errors.push({ field: 'question', message: 'Choose the question that is not comparable' })
  else if (context.recorded.includes(question))
    errors.push({
      field: 'question',
      message: `Version ${context.version} already has an erratum on “${question.slice(0, 200)}”`,
    })
  else if (!context.candidates.some(c => c.key === question))
    errors.push({
      field: 'question',
      message: `“${question.slice(0, 200)}” is not a scored question of version ${context.version} compared with version ${context.supersedes}: choose one from the list`,
    })
  if (typeof raw.reason === 'string' && raw.reason.length > REASON_MAX)
    errors.push({
      field: 'reason',
      message: `The reason must be ${REASON_MAX} characters or fewer; it has ${raw.reason.length}`,
    })
  else if (reason === '')
    errors.push({ field: 'reason', message: 'Say why the question is not comparable, for everyone reading a trend' })
  return errors.length > 0 ? { errors } : { value: { question, reason }, errors }
}
