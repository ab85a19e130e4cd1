import type { AnswerContent } from '../assessment/answer'
import { comparableQuestions, remapKeys, restrictTo } from '../comparison'
import type { KeyMap } from '../questionnaire/compare'
import type { NotComparable } from '../questionnaire/errata'
import { allQuestions, isScored, type QuestionnaireDefinition } from '../questionnaire/definition'
import { score, type Scores } from '../scoring'
import type { Column } from './score-table'

/** One organisation's assessment in a round, as the trend needs it. */
export interface TrendResult {
  gss: string
  name: string
  /** Handed in (submitted, in moderation or moderated): only then are its scores London's figures. */
  scored: boolean
  answers: ReadonlyMap<string, AnswerContent>
  moderatedLevels: ReadonlyMap<string, number>
}

export interface TrendRound {
  definition: QuestionnaireDefinition
  results: readonly TrendResult[]
}

/** Where an organisation stood in a round: handed in, taking part but not handed in, or not taking part. */
export type Presence = 'scored' | 'not_scored' | 'absent'

export interface Change {
  previous: number | null
  current: number | null
  change: number | null
}

export interface TrendRow {
  gss: string
  name: string
  previousRound: Presence
  currentRound: Presence
  dimensions: (Change & { key: string })[]
  overall: Change
}

export interface QuestionRef {
  key: string
  prompt: string
}

/** The scored questions the trend leaves out, so a reader knows what the change does not cover. */
export interface LeftOut {
  split: { from: QuestionRef; to: QuestionRef[] }[]
  /** Questions that kept their key but, an erratum says, ask something else now. */
  notComparable: { question: QuestionRef; reason: string }[]
  added: QuestionRef[]
  removed: QuestionRef[]
}

export interface Trend {
  comparableQuestions: number
  leftOut: LeftOut
  dimensions: Column[]
  rows: TrendRow[]
}

const scoredQuestions = (definition: QuestionnaireDefinition): Map<string, QuestionRef> =>
  new Map(
    allQuestions(definition)
      .filter(l => isScored(l.question))
      .map(l => [l.question.key, { key: l.question.key, prompt: l.question.prompt }]),
  )

function compareQuestions(
  previous: QuestionnaireDefinition,
  current: QuestionnaireDefinition,
  keyMap: Readonly<KeyMap>,
  errata: readonly NotComparable[],
) {
  const pairs = comparableQuestions(previous, current, keyMap)
  const older = scoredQuestions(previous)
  const newer = scoredQuestions(current)
  const paired = new Set(pairs.values())
  const split = Object.entries(keyMap).flatMap(([from, to]) => {
    const source = older.get(from)
    return source && to.length > 1 ? [{ from: source, to: to.flatMap(key => newer.get(key) ?? []) }] : []
  })
  const halves = new Set(split.flatMap(s => s.to.map(q => q.key)))
  const sources = new Set(split.map(s => s.from.key))
  const notComparable = errata.flatMap(e => {
    const question = newer.get(e.key)
    return question && !pairs.has(e.key) ? [{ question, reason: e.reason }] : []
  })
  const declared = new Set(notComparable.map(n => n.question.key))
  const declaredBefore = new Set(errata.filter(e => declared.has(e.key)).flatMap(e => e.previousKeys))
  return {
    pairs,
    leftOut: {
      split,
      notComparable,
      added: [...newer.values()].filter(q => !pairs.has(q.key) && !halves.has(q.key) && !declared.has(q.key)),
      removed: [...older.values()].filter(q => !paired.has(q.key) && !sources.has(q.key) && !declaredBefore.has(q.key)),
    },
  }
}

const presence = (result: TrendResult | undefined): Presence =>
  result === undefined ? 'absent' : result.scored ? 'scored' : 'not_scored'

const change = (previous: number | null, current: number | null): Change => ({
  previous,
  current,
  change: previous === null || current === null ? null : current - previous,
})

/**
 * Each organisation's final scores in two rounds and the change, on the questions asked the same way in
 * both (same key, or a one-to-one move in `keyMap`, old key → new keys from the previous round's version
 * to the current one's, errata applied), scored on the current version's structure so a moved question
 * counts where it now sits. `errata` names the questions an erratum leaves out, to say why. Only organisations that handed in both assessments have numbers: a draft is not a result.
 */
export function trend(
  previous: TrendRound,
  current: TrendRound,
  keyMap: Readonly<KeyMap>,
  errata: readonly NotComparable[] = [],
): Trend {
  const comparison = compareQuestions(previous.definition, current.definition, keyMap, errata)
  const comparable = restrictTo(current.definition, new Set(comparison.pairs.keys()))
  const final = (answers: ReadonlyMap<string, AnswerContent>, moderatedLevels: ReadonlyMap<string, number>) =>
    score(comparable, { answers, moderatedLevels, basis: 'final' })

  const before = new Map(previous.results.map(r => [r.gss, r]))
  const after = new Map(current.results.map(r => [r.gss, r]))
  const names = new Map([...previous.results, ...current.results].map(r => [r.gss, r.name]))
  const rows = [...names]
    .sort(([, a], [, b]) => a.localeCompare(b, 'en-GB'))
    .map(([gss, name]): TrendRow => {
      const was = before.get(gss)
      const now = after.get(gss)
      const both = was?.scored === true && now?.scored === true
      const earlier: Scores | undefined = both
        ? final(remapKeys(was.answers, keyMap), remapKeys(was.moderatedLevels, keyMap))
        : undefined
      const later: Scores | undefined = both ? final(now.answers, now.moderatedLevels) : undefined
      return {
        gss,
        name,
        previousRound: presence(was),
        currentRound: presence(now),
        dimensions: comparable.dimensions.map((d, i) => ({
          key: d.key,
          ...change(earlier?.dimensions[i]?.score ?? null, later?.dimensions[i]?.score ?? null),
        })),
        overall: change(earlier?.overall ?? null, later?.overall ?? null),
      }
    })
  return {
    comparableQuestions: comparison.pairs.size,
    leftOut: comparison.leftOut,
    dimensions: comparable.dimensions.map(d => ({ key: d.key, title: d.title })),
    rows,
  }
}
