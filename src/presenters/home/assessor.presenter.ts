import type { AssessorRow } from '../../domain/calibration'
import type { QueueGroup } from '../../domain/home/assessor-queue'
import { paths } from '../../paths'
import type { AssessorHome, QueuedAssessment } from '../../services/home/assessor-home.service'
import { shortDate } from '../../domain/format/dates'
import { ALL_ASSESSMENTS, count, type CountView } from './home-parts'
import { component, type Html, link } from '../html'
import { plural } from '../../domain/format/plurals'

type Cell = { text: string } | { html: Html }

export interface AssessorHomeView {
  counts: CountView[]
  /** The work to pick up, oldest first: resubmissions, first submissions, then moderations already mine. */
  next: { caption: string; head: { text: string }[]; rows: Cell[][] } | null
  nothingToDo: string | null
  calibration: { heading: string; flags: string[]; clear: string | null; href: string; linkText: string } | null
  queueHref: string
  allAssessments: { href: string; text: string }
}

/** How many of each group the table of next work shows; the queue behind it has them all. */
export const NEXT_ROWS = 10

const ACTION: Record<QueueGroup, string> = {
  resubmitted: 'Moderate again',
  awaiting: 'Moderate',
  mine: 'Continue',
  others: 'View',
  returned: 'View',
}

const GROUP_TEXT: Record<QueueGroup, string> = {
  resubmitted: 'Resubmitted after a return',
  awaiting: 'Awaiting moderation',
  mine: 'In moderation by you',
  others: 'In moderation by someone else',
  returned: 'Returned to the borough',
}

function row(group: QueueGroup, q: QueuedAssessment): Cell[] {
  const name = q.organisation.name
  return [
    { html: link(paths.organisation(q.organisation.slug), name) },
    { text: q.round.name },
    {
      html: component('tag', {
        text: GROUP_TEXT[group],
        classes: group === 'mine' ? 'govuk-tag--yellow' : 'govuk-tag--blue',
      }),
    },
    { text: q.assessment.submittedAt ? shortDate(q.assessment.submittedAt) : 'Not submitted' },
    { html: link(paths.moderation(q.assessment.id), ACTION[group], name) },
  ]
}

function flagsOf(row: AssessorRow, titles: ReadonlyMap<string, string>): string[] {
  const flags: string[] = []
  const { all } = row
  if (all.systematic && all.meanAdjustment !== null && all.direction !== null)
    flags.push(
      `You ${all.direction} levels by ${Math.abs(all.meanAdjustment).toFixed(2)} on average over ${plural(all.compared, 'question')} compared: a systematic pattern.`,
    )
  for (const d of row.dimensions)
    if (d.systematic && !all.systematic && d.meanAdjustment !== null && d.direction !== null)
      flags.push(
        `In ${titles.get(d.key) ?? d.key}, you ${d.direction} levels by ${Math.abs(d.meanAdjustment).toFixed(2)} on average.`,
      )
  if (row.inconsistent && row.spread !== null && row.othersSpread !== null)
    flags.push(
      `Your changes vary more than other assessors’: a spread of ${row.spread.toFixed(2)} levels against ${row.othersSpread.toFixed(2)}.`,
    )
  return flags
}

/** An assessor's home: the queue by what to do with it, the oldest work first, and calibration about them. */
export function assessorHomeView(home: AssessorHome): AssessorHomeView {
  const { queue } = home
  const q = (state: string) => `${paths.moderationQueue}?state=${state}`
  const counts = [
    count(
      queue.resubmitted.length,
      'resubmitted after a return',
      'resubmitted after a return',
      q('submitted'),
      'attention',
    ),
    count(queue.awaiting.length, 'awaiting moderation', 'awaiting moderation', q('submitted'), 'attention'),
    count(queue.mine.length, 'in moderation by you', 'in moderation by you', q('in_moderation'), 'attention'),
    count(queue.others.length, 'in moderation by someone else', 'in moderation by someone else', q('in_moderation')),
    count(queue.returned.length, 'returned, with the borough', 'returned, with the borough', q('returned')),
  ]
  const next = (['resubmitted', 'awaiting', 'mine'] as const)
    .flatMap(g => queue[g].map(a => row(g, a)))
    .slice(0, NEXT_ROWS)
  const calibration = home.calibration
  const flags = calibration ? flagsOf(calibration.row, new Map(calibration.dimensions.map(d => [d.key, d.title]))) : []
  return {
    counts,
    next:
      next.length === 0
        ? null
        : {
            caption: 'Next to moderate, oldest submission first',
            head: [
              { text: 'Authority' },
              { text: 'Round' },
              { text: 'Where it is' },
              { text: 'Submitted' },
              { text: 'Action' },
            ],
            rows: next,
          },
    nothingToDo: next.length === 0 ? 'Nothing is waiting for you to moderate.' : null,
    calibration: calibration
      ? {
          heading: `Calibration in ${calibration.round.name}`,
          flags,
          clear:
            flags.length === 0
              ? `Your moderation shows no systematic pattern across ${plural(calibration.row.all.compared, 'question')} compared.`
              : null,
          href: paths.calibration(calibration.round.id),
          linkText: `Calibration for ${calibration.round.name}`,
        }
      : null,
    queueHref: paths.moderationQueue,
    allAssessments: ALL_ASSESSMENTS,
  }
}
