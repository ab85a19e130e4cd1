import { allQuestions, type Question, type QuestionnaireDefinition } from './definition'

export interface QuestionChange {
  key: string
  prompt: string
}

export interface MappedChange {
  from: QuestionChange
  to: QuestionChange[]
}

export interface DimensionComparison {
  key: string
  title: string
  added: QuestionChange[]
  removed: QuestionChange[]
  reworded: { key: string; before: string; after: string }[]
  mapped: MappedChange[]
  unchanged: number
}

/** Old key → new keys, composed along a chain of versions (v1→v2, v2→v3 gives v1→v3). */
export type KeyMap = Record<string, string[]>

export function composeKeyMaps(chain: readonly Record<string, string | string[]>[]): KeyMap {
  let composed: KeyMap | undefined
  for (const step of chain) {
    const normalised: KeyMap = Object.fromEntries(Object.entries(step).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]))
    if (!composed) {
      composed = normalised
      continue
    }
    const next: KeyMap = {}
    for (const [oldKey, middles] of Object.entries(composed)) {
      next[oldKey] = middles.flatMap(m => normalised[m] ?? [m])
    }
    for (const [k, v] of Object.entries(normalised))
      if (!(k in next) && !Object.values(composed).flat().includes(k)) next[k] = v
    composed = next
  }
  return composed ?? {}
}

const wording = (q: Question): string =>
  JSON.stringify([q.prompt, q.hint ?? '', q.type === 'maturity' ? q.levels : 'options' in q ? q.options : null])

const summary = (q: Question): QuestionChange => ({ key: q.key, prompt: q.prompt })

/** What changed between two versions, per dimension of the newer one (removed questions under their old dimension). */
export function compareVersions(
  older: QuestionnaireDefinition,
  newer: QuestionnaireDefinition,
  fullKeyMap: KeyMap,
): DimensionComparison[] {
  // A key mapped to itself is the same question, perhaps reworded, not a move.
  const keyMap = Object.fromEntries(Object.entries(fullKeyMap).filter(([k, v]) => !(v.length === 1 && v[0] === k)))
  const oldQuestions = new Map(allQuestions(older).map(l => [l.question.key, l]))
  const newQuestions = new Map(allQuestions(newer).map(l => [l.question.key, l]))
  const mappedTargets = new Set(Object.values(keyMap).flat())
  const dims = new Map<string, DimensionComparison>()
  const dim = (key: string, title: string) => {
    let d = dims.get(key)
    if (!d) dims.set(key, (d = { key, title, added: [], removed: [], reworded: [], mapped: [], unchanged: 0 }))
    return d
  }
  for (const d of newer.dimensions) dim(d.key, d.title)

  for (const [key, { question, dimension }] of newQuestions) {
    const before = oldQuestions.get(key)
    if (before && !(key in keyMap)) {
      if (wording(before.question) === wording(question)) dim(dimension.key, dimension.title).unchanged++
      else
        dim(dimension.key, dimension.title).reworded.push({
          key,
          before: before.question.prompt,
          after: question.prompt,
        })
    } else if (!before && !mappedTargets.has(key)) {
      dim(dimension.key, dimension.title).added.push(summary(question))
    }
  }
  for (const [key, { question, dimension }] of oldQuestions) {
    const targets = (keyMap[key] ?? []).filter(k => newQuestions.has(k))
    if (targets.length > 0) {
      const home = newQuestions.get(targets[0] ?? '')?.dimension ?? dimension
      dim(home.key, home.title).mapped.push({
        from: summary(question),
        to: targets.map(k => summary(newQuestions.get(k)?.question ?? question)),
      })
    } else if (!newQuestions.has(key)) {
      dim(dimension.key, dimension.title).removed.push(summary(question))
    }
  }
  return [...dims.values()]
}
