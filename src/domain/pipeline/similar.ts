import { OPEN_STATUSES } from './entry'
import { isOpportunityEntry, type PlannedEntry } from './opportunities'
import type { DateWindow } from './window'

export interface ShareableEntry extends PlannedEntry {
  shareable: boolean
}

/** What a borough may learn about others planning the same as one of its own entries. */
export interface SimilarPlans<E extends ShareableEntry> {
  entry: E
  /** How many other authorities have an open plan in the same category inside the window. */
  others: number
  /** GSS codes of those among them that marked such a plan shareable: the only ones that may be named. */
  named: string[]
}

/**
 * For each of one authority's open entries, the others planning in the same category and window. The
 * count covers everyone, so nobody is hidden from the total; names come only from entries their owners
 * chose to share.
 */
export function similarPlans<E extends ShareableEntry>(
  organisation: string,
  entries: readonly E[],
  window: DateWindow,
): SimilarPlans<E>[] {
  return entries
    .filter(e => e.organisation === organisation && OPEN_STATUSES.includes(e.status))
    .map(entry => {
      const matching = entries.filter(
        e => e.organisation !== organisation && e.categoryKey === entry.categoryKey && isOpportunityEntry(e, window),
      )
      return {
        entry,
        others: new Set(matching.map(e => e.organisation)).size,
        named: [...new Set(matching.filter(e => e.shareable).map(e => e.organisation))].sort(),
      }
    })
}
