import type { RoundStatus } from '../../domain/assessment/round'
import { paths } from '../../paths'
import { longDate } from './dates'

export interface Tag {
  text: string
  classes: string
}

/** Status as a tag whose words carry the meaning; the colour only repeats it. */
export const ROUND_STATUS_TAGS: Record<RoundStatus, Tag> = {
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--blue' },
  open: { text: 'Open', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
}

interface ListedRound {
  id: number
  name: string
  questionnaireKey: string
  questionnaireVersion: number
  opensOn: string
  closesOn: string
  status: RoundStatus
}

export interface RoundRow {
  name: string
  href: string
  questionnaire: string
  opens: string
  closes: string
  tag: Tag
  organisations: number
}

export interface RoundsView {
  newRoundHref: string
  hasRounds: boolean
  caption: string
  rows: RoundRow[]
}

/** The list of rounds; `taking` counts the organisations taking part in each, by round id. */
export function roundsView(rounds: readonly ListedRound[], taking: ReadonlyMap<number, number>): RoundsView {
  return {
    newRoundHref: paths.admin.newRound,
    hasRounds: rounds.length > 0,
    caption: `${rounds.length} ${rounds.length === 1 ? 'round' : 'rounds'}`,
    rows: rounds.map(r => ({
      name: r.name,
      href: paths.admin.round(r.id),
      questionnaire: `${r.questionnaireKey}, version ${r.questionnaireVersion}`,
      opens: longDate(r.opensOn),
      closes: longDate(r.closesOn),
      tag: ROUND_STATUS_TAGS[r.status],
      organisations: taking.get(r.id) ?? 0,
    })),
  }
}
