import type { Round, RoundStatus } from '../../domain/assessment/round'
import { paths } from '../../paths'
import { longDate } from '../../domain/format/dates'
import { rowHeader, type Table } from '../govuk-params'
import { link, tag } from '../html'
import { plural } from '../../domain/format/plurals'

export interface Tag {
  text: string
  classes: string
}

/** Status as a tag whose words carry the meaning; the colour only repeats it. */
export const ROUND_STATUS_TAGS: Record<RoundStatus, Tag> = {
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--blue' },
  open: { text: 'Open', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--red' },
}

/** A round as the admin pages show it: its dates and questionnaire, and where it stands today. */
export type ListedRound = Omit<Round, 'closedAt' | 'cancelledAt'> & { status: RoundStatus }

export interface RoundsView {
  newRoundHref: string
  hasRounds: boolean
  caption: string
  /** Each round, named by a link to its page. */
  table: Table
}

const HEAD: Table['head'] = [
  { text: 'Name' },
  { text: 'Questionnaire' },
  { text: 'Opens' },
  { text: 'Closes' },
  { text: 'Status' },
  { text: 'Organisations', format: 'numeric' },
]

/** The list of rounds; `taking` counts the organisations taking part in each, by round id. */
export function roundsView(rounds: readonly ListedRound[], taking: ReadonlyMap<number, number>): RoundsView {
  return {
    newRoundHref: paths.admin.newRound,
    hasRounds: rounds.length > 0,
    caption: plural(rounds.length, 'round'),
    table: {
      head: HEAD,
      rows: rounds.map(r => [
        rowHeader({ html: link(paths.admin.round(r.id), r.name) }),
        { text: `${r.questionnaireKey}, version ${r.questionnaireVersion}` },
        { text: longDate(r.opensOn) },
        { text: longDate(r.closesOn) },
        { html: tag(ROUND_STATUS_TAGS[r.status]) },
        { text: String(taking.get(r.id) ?? 0), format: 'numeric' },
      ]),
    },
  }
}
