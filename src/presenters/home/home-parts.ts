import { paths } from '../../paths'
import { daysBetween } from '../../domain/assessment/round'
import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { longDate } from '../../domain/format/dates'
import { STATE_TAGS } from '../moderation/queue.presenter'
import { noun, wholeNumber } from '../../domain/format/plurals'

/** A number on a home page and the list behind it; `tone` repeats what the words say, for a quick look. */
export interface CountView {
  number: string
  label: string
  href: string
  classes: string
}

export function count(n: number, one: string, many: string, href: string, tone?: 'attention' | 'done'): CountView {
  const attention = tone === 'attention' && n > 0
  return {
    number: wholeNumber(n),
    label: noun(n, one, many),
    href,
    classes: attention ? 'app-counts__item--attention' : tone === 'done' ? 'app-counts__item--done' : '',
  }
}

/** "Closes 4 February 2027, in 12 days", "closes today", or "closed 3 days ago": always the date itself. */
export function deadline(closesOn: string, today: string): string {
  const days = daysBetween(today, closesOn)
  const when = longDate(closesOn)
  if (days > 1) return `Closes ${when}, in ${days} days`
  if (days === 1) return `Closes ${when}, tomorrow`
  if (days === 0) return `Closes today, ${when}`
  return `Closed ${when}`
}

export const stateTag = (state: AssessmentState) => ({ text: STATE_LABELS[state], classes: STATE_TAGS[state] ?? '' })

/** Every assessment of every round, for the central roles: the list behind the homes' round figures. */
export const ALL_ASSESSMENTS = { href: paths.assessments, text: 'Every assessment, in every round' } as const
