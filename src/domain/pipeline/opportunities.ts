import type { FieldError } from '../errors'
import { distinctBuyers } from '../insights/buyers'
import { OPEN_STATUSES, type PipelineCategory, type Status } from './entry'
import { entryInWindow, inWindow, quarterOf, quartersIn, type DateWindow } from './window'

export const DEFAULT_WINDOW_MONTHS = 24
export const MAX_WINDOW_MONTHS = 120

/** How far ahead to look, from a query string: absent or blank means the default two years. */
export function parseWindowMonths(raw: unknown): { value?: number; errors: FieldError[] } {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === ''))
    return { value: DEFAULT_WINDOW_MONTHS, errors: [] }
  const text = typeof raw === 'string' ? raw.trim() : ''
  if (/^\d{1,3}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_WINDOW_MONTHS)
    return { value: Number(text), errors: [] }
  const given = typeof raw === 'string' ? `“${raw}”` : 'a list'
  return {
    errors: [
      {
        field: 'windowMonths',
        message: `The window must be a whole number of months from 1 to ${MAX_WINDOW_MONTHS}, not ${given}`,
      },
    ],
  }
}

/** What the opportunities need to know of an entry: whose it is, what and when. */
export interface PlannedEntry {
  id: number
  /** The organisation's GSS code. */
  organisation: string
  categoryKey: string
  contractEnd: string | null
  plannedStart: string | null
  status: Status
  addresses: string | null
}

export interface QuarterCount {
  quarter: string
  count: number
}

/** One category in which several authorities plan to buy or build inside the window. */
export interface Opportunity<E extends PlannedEntry = PlannedEntry> {
  category: PipelineCategory
  /** GSS codes, each once, sorted. */
  organisations: string[]
  /** The open, in-window entries behind it, in the order given. */
  entries: E[]
  buyers: number
  /** The earliest and latest contract end or planned start that falls inside the window. */
  earliest: string
  latest: string
  /** Every quarter of the window, empty ones too, so timelines line up across categories. */
  contractEndsByQuarter: QuarterCount[]
}

/** An entry still to be bought whose contract ends or work starts inside the window. */
export const isOpportunityEntry = (entry: PlannedEntry, window: DateWindow): boolean =>
  OPEN_STATUSES.includes(entry.status) && entryInWindow(entry, window)

/**
 * Per category, the authorities with an open plan inside the window, biggest first (then in the shared
 * list's order); categories nobody plans in are left out. Partnerships are lists of members' GSS codes,
 * each buying as one.
 */
export function opportunities<E extends PlannedEntry>(
  entries: readonly E[],
  categories: readonly PipelineCategory[],
  window: DateWindow,
  partnerships: readonly (readonly string[])[],
): Opportunity<E>[] {
  const quarters = quartersIn(window)
  const found = categories.flatMap((category, position) => {
    const inside = entries.filter(e => e.categoryKey === category.key && isOpportunityEntry(e, window))
    if (inside.length === 0) return []
    const organisations = [...new Set(inside.map(e => e.organisation))].sort()
    const dates = inside
      .flatMap(e => [e.contractEnd, e.plannedStart])
      .filter((d): d is string => d !== null && inWindow(d, window))
      .sort()
    const ends = new Map(quarters.map(q => [q, 0]))
    for (const e of inside) {
      if (e.contractEnd !== null && inWindow(e.contractEnd, window)) {
        const quarter = quarterOf(e.contractEnd)
        ends.set(quarter, (ends.get(quarter) ?? 0) + 1)
      }
    }
    const opportunity: Opportunity<E> = {
      category,
      organisations,
      entries: inside,
      buyers: distinctBuyers(organisations, partnerships),
      earliest: dates[0] ?? window.from,
      latest: dates[dates.length - 1] ?? window.to,
      contractEndsByQuarter: [...ends].map(([quarter, count]) => ({ quarter, count })),
    }
    return [{ opportunity, position }]
  })
  return found
    .sort((a, b) => b.opportunity.organisations.length - a.opportunity.organisations.length || a.position - b.position)
    .map(f => f.opportunity)
}

/** The maturity area an entry means to improve: its own choice, else what its category usually serves. */
export const addressedArea = (entry: Pick<PlannedEntry, 'addresses'>, category: PipelineCategory): string | null =>
  entry.addresses ?? category.addresses

/** How the authorities behind an opportunity stand on one maturity area (a dimension or theme key). */
export interface AreaWeakness {
  area: string
  /** Those whose entries address this area. */
  organisations: string[]
  /** Of those, the ones scoring below the weak threshold there. */
  weak: string[]
  /** Of those, the ones with no score there to judge by. */
  unscored: string[]
}

/**
 * Joins an opportunity to the maturity data: for each area its entries address, how many of the
 * authorities addressing it are weak there ("9 of the 12 planning a data platform are weak on Data").
 * `weakness` maps a GSS code to its areas, true where weak and false where not; an area missing from
 * the map has no score. Areas addressed by the most authorities come first (on a tie, the category's own).
 */
export function weaknessJoin(
  opportunity: Pick<Opportunity, 'category' | 'entries'>,
  weakness: ReadonlyMap<string, ReadonlyMap<string, boolean>>,
): AreaWeakness[] {
  const byArea = new Map<string, Set<string>>()
  for (const entry of opportunity.entries) {
    const area = addressedArea(entry, opportunity.category)
    if (area === null) continue
    const organisations = byArea.get(area) ?? new Set<string>()
    organisations.add(entry.organisation)
    byArea.set(area, organisations)
  }
  return [...byArea]
    .map(([area, set]) => {
      const organisations = [...set].sort()
      const flag = (gss: string) => weakness.get(gss)?.get(area)
      return {
        area,
        organisations,
        weak: organisations.filter(gss => flag(gss) === true),
        unscored: organisations.filter(gss => flag(gss) === undefined),
      }
    })
    .sort(
      (a, b) =>
        b.organisations.length - a.organisations.length ||
        Number(b.area === opportunity.category.addresses) - Number(a.area === opportunity.category.addresses) ||
        a.area.localeCompare(b.area),
    )
}
