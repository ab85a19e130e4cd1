import { NAME_MARGIN, type Difference } from './peer-group-names'
import type { PeerGroup } from './peer-groups'

/** A group as the clusters page numbers them, from 1, so its brief can still be found by number. */
export interface Numbered {
  number: number
  group: PeerGroup
}

/**
 * Peer groups of two or more, and the organisations left in a group of their own: an organisation like
 * no other is an outlier to look at on its own, not a group to learn from.
 */
export function separateOutliers(groups: readonly PeerGroup[]): { peers: Numbered[]; outliers: Numbered[] } {
  const numbered = groups.map((group, i) => ({ number: i + 1, group }))
  return {
    peers: numbered.filter(n => n.group.organisations.length > 1),
    outliers: numbered.filter(n => n.group.organisations.length === 1),
  }
}

/**
 * How an outlier differs from London: the dimensions at least the margin away from London's mean,
 * furthest first (the earlier dimension on a tie). Empty when it is close to the mean everywhere.
 */
export function notableDifferences(diffs: readonly Difference[], margin = NAME_MARGIN): Difference[] {
  return diffs
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => Math.abs(d.difference) >= margin)
    .sort((a, b) => Math.abs(b.d.difference) - Math.abs(a.d.difference) || a.i - b.i)
    .map(({ d }) => d)
}
