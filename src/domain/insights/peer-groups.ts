import { averageLinkage, cutTree } from './hierarchical'
import { checkPositiveWholeNumber, checkScoreValues } from './score-table'

/** Organisations with like dimension profiles, who might learn from or buy with each other. */
export interface PeerGroup {
  /** GSS codes in ascending order. */
  organisations: string[]
  /** The members' mean score in each dimension, keyed by dimension. */
  meanProfile: Record<string, number>
  /** The dimension with the lowest mean; the earlier dimension on a tie. */
  weakestDimension: string
  /** The mean of meanProfile: each dimension counts alike. */
  meanScore: number
}

export interface ProfileRow {
  gss: string
  /** Scores in the order of the dimension keys; null where there is none. */
  profile: readonly (number | null)[]
}

/**
 * Peer groups: organisations with a score in every dimension, clustered by Euclidean distance between
 * their profiles with average linkage, cut into k groups (fewer when fewer organisations), weakest group
 * first. Organisations missing a dimension are left out rather than guessed at.
 */
export function peerGroups(rows: readonly ProfileRow[], dimensionKeys: readonly string[], k = 4): PeerGroup[] {
  checkPositiveWholeNumber('k', k)
  const repeated = dimensionKeys.find((key, i) => dimensionKeys.indexOf(key) !== i)
  if (repeated !== undefined) throw new RangeError(`Dimension ${repeated} is listed twice`)
  const seen = new Set<string>()
  for (const row of rows) {
    if (seen.has(row.gss)) throw new RangeError(`Organisation ${row.gss} has two rows`)
    seen.add(row.gss)
    if (row.profile.length !== dimensionKeys.length) {
      throw new RangeError(
        `Organisation ${row.gss} has ${row.profile.length} scores for ${dimensionKeys.length} dimensions`,
      )
    }
    checkScoreValues(`Organisation ${row.gss}`, row.profile)
  }
  // With no dimensions there is no profile to compare and no weakest dimension to name.
  if (dimensionKeys.length === 0) return []
  const codes: string[] = []
  const profiles: (readonly number[])[] = []
  for (const { gss, profile } of rows) {
    if (!profile.every(score => score !== null)) continue
    codes.push(gss)
    profiles.push(profile)
  }
  const groups = cutTree(averageLinkage(profiles), profiles.length, k).map((members, order) => {
    const means = dimensionKeys.map((_, d) => mean(members.map(m => (profiles[m] as readonly number[])[d] as number)))
    let weakest = 0
    means.forEach((value, d) => {
      if (value < (means[weakest] as number)) weakest = d
    })
    return {
      organisations: members.map(m => codes[m] as string).sort(),
      meanProfile: Object.fromEntries(dimensionKeys.map((key, d) => [key, means[d] as number])),
      weakestDimension: dimensionKeys[weakest] as string,
      meanScore: mean(means),
      order,
    }
  })
  groups.sort((a, b) => a.meanScore - b.meanScore || a.order - b.order)
  return groups.map(({ order: _order, ...group }) => group)
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length
