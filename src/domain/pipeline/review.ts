import { daysBetween } from '../assessment/round'
import { OPEN_STATUSES, type Status } from './entry'

/** An open plan nobody has touched for this long may no longer say what the council intends. */
export const REVIEW_AFTER_DAYS = 180

export interface ReviewableEntry {
  status: Status
  contractEnd: string | null
  plannedStart: string | null
  /** London calendar date of the last change. */
  updatedOn: string
}

/**
 * Why an entry is due for review, or null: a contract end or planned start that has passed while the
 * plan is still open, or an open plan left unchanged for REVIEW_AFTER_DAYS. Closed plans (awarded,
 * cancelled) are never due.
 */
export function reviewReason(entry: ReviewableEntry, today: string): string | null {
  if (!OPEN_STATUSES.includes(entry.status)) return null
  if (entry.contractEnd !== null && entry.contractEnd < today) return 'Its contract end date has passed'
  if (entry.plannedStart !== null && entry.plannedStart < today && entry.status !== 'in_procurement')
    return 'Its planned start date has passed'
  if (daysBetween(entry.updatedOn, today) >= REVIEW_AFTER_DAYS)
    return `Not updated for ${REVIEW_AFTER_DAYS} days or more`
  return null
}
