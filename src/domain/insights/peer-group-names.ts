import type { PeerGroup } from './peer-groups'

export interface Dimension {
  key: string
  title: string
}

/** One dimension of a profile against London's mean there. */
export interface Difference extends Dimension {
  score: number
  london: number
  /** score − london: above London when positive. */
  difference: number
}

/**
 * How far from London's mean a dimension must be, in score points, before a name calls it strong or
 * weak: a quarter of a level, so a group a hair above the mean everywhere is not called strong.
 */
export const NAME_MARGIN = 0.25

/**
 * London's mean in each dimension over every organisation placed in a group. Peer groups split those
 * organisations between them, so this is each group's mean weighted by its size.
 */
export function londonMeanProfile(groups: readonly PeerGroup[], keys: readonly string[]): Record<string, number> {
  const count = groups.reduce((sum, g) => sum + g.organisations.length, 0)
  return Object.fromEntries(
    keys.map(key => [
      key,
      count === 0 ? 0 : groups.reduce((sum, g) => sum + (g.meanProfile[key] ?? 0) * g.organisations.length, 0) / count,
    ]),
  )
}

/** A profile against London's, dimension by dimension, in the dimensions' order. */
export function differences(
  profile: Readonly<Record<string, number>>,
  london: Readonly<Record<string, number>>,
  dimensions: readonly Dimension[],
): Difference[] {
  return dimensions.map(({ key, title }) => {
    const score = profile[key] ?? 0
    const mean = london[key] ?? 0
    return { key, title, score, london: mean, difference: score - mean }
  })
}

/** "Leadership and strategy" reads as "leadership and strategy" after "Strong"; "IT estate" keeps its capitals. */
const lowerFirst = (title: string): string =>
  /^[A-Z][a-z]/.test(title) ? (title[0] as string).toLowerCase() + title.slice(1) : title

/** A profile's name, and the dimension it names last (the weak one when it names two), if any. */
interface Named {
  name: string
  about: Difference | undefined
}

function named(diffs: readonly Difference[], margin: number): Named {
  const first = diffs[0]
  if (!first) return { name: 'Close to London’s mean', about: undefined }
  let high = first
  let low = first
  for (const d of diffs) {
    if (d.difference > high.difference) high = d
    if (d.difference < low.difference) low = d
  }
  if (low.difference >= margin) return { name: 'Strong all round', about: undefined }
  if (high.difference <= -margin) return { name: 'Weak all round', about: undefined }
  const strong = high.difference >= margin ? high : undefined
  const weak = low.difference <= -margin ? low : undefined
  const parts = [
    ...(strong ? [`strong ${lowerFirst(strong.title)}`] : []),
    ...(weak ? [`weak ${lowerFirst(weak.title)}`] : []),
  ]
  if (parts.length === 0) return { name: 'Close to London’s mean', about: undefined }
  const name = parts.join(', ')
  return { name: name.charAt(0).toUpperCase() + name.slice(1), about: weak ?? strong }
}

/**
 * A profile's name, from where it stands furthest above and below London's mean: "Strong leadership and
 * strategy, weak data"; "Weak data" when nothing is a margin above; "Strong all round" (or "Weak all
 * round") when every dimension is a margin above (below); "Close to London’s mean" when nothing is a
 * margin away. Ties go to the earlier dimension.
 */
export const profileName = (diffs: readonly Difference[], margin = NAME_MARGIN): string => named(diffs, margin).name

/**
 * A name for each group, in the groups' order, each unlike the others. Groups that would share a name
 * are told apart by their mean in the dimension the name is about (the weak one when it names two, the
 * mean across dimensions when it names none): "Weak data, averaging 1.00". Should that still collide,
 * each takes its place among them: "(2 of 3)".
 */
export function peerGroupNames(
  groups: readonly Pick<PeerGroup, 'meanProfile' | 'meanScore'>[],
  london: Readonly<Record<string, number>>,
  dimensions: readonly Dimension[],
  margin = NAME_MARGIN,
): string[] {
  const base = groups.map(g => ({ ...named(differences(g.meanProfile, london, dimensions), margin), g }))
  const averaged = base.map(({ name, about, g }) =>
    base.filter(b => b.name === name).length === 1
      ? name
      : `${name}, averaging ${(about?.score ?? g.meanScore).toFixed(2)}`,
  )
  return averaged.map((name, i) => {
    const same = averaged.flatMap((n, j) => (n === name ? [j] : []))
    return same.length === 1 ? name : `${name} (${same.indexOf(i) + 1} of ${same.length})`
  })
}
