import type { Round } from '../../domain/assessment/round'
import type { DefaultRound, RoundProgress, RoundWithProgress } from '../../domain/insights/default-round'
import { roundStatus } from '../../domain/assessment/round'
import { paths } from '../../paths'
import type { RoundChoice } from '../../services/insights/round-choice.service'
import type { SummaryListRow } from '../govuk-params'
import { link, type Html } from '../html'

export interface RoundNoteView {
  /** Which round is shown, and why. */
  showing: string
  /** Each other open round's progress: "Autumn 2026 is open: 4 of 33 submitted." */
  openRounds: string[]
  /** The shown round's progress, when it is still open or yet to open; null once it has closed. */
  progress: { heading: string; rows: SummaryListRow[]; scoredNote: string } | null
  /** The other rounds, each a link to its heatmap; empty when there is only one. */
  otherRounds: Html[]
  hasOtherRounds: boolean
}

/** "A and B", "A, B and C". */
const listed = (names: string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`

/** Pilots left aside are named, so a reader who sees a newer round with more scored knows why it is not shown. */
const leftAside = (chosen: DefaultRound): string => {
  const pilots = chosen.passedOver ?? []
  if (pilots.length === 0) return ''
  const beside = [...new Set(pilots.map(p => p.beside.name))]
  return `, leaving aside ${listed(pilots.map(p => p.round.name))}, which ${pilots.length === 1 ? 'runs' : 'run'} for fewer authorities beside ${listed(beside)}`
}

const why = (chosen: DefaultRound, minimum: number): string => {
  switch (chosen.reason) {
    case 'enough-scored':
      return `the latest round with at least ${minimum} scored assessments${leftAside(chosen)}`
    case 'latest-closed':
      return `the latest closed round, as no round has ${minimum} scored assessments yet`
    case 'newest':
      return `the newest round, as no round has ${minimum} scored assessments yet and none has closed`
  }
}

const STATUS_WORDS = {
  open: 'is open',
  scheduled: 'has not opened yet',
  closed: 'has closed',
  cancelled: 'was cancelled',
} as const

const submittedOf = (progress: RoundProgress) => `${progress.scored} of ${progress.total} submitted`

const progressRows = (progress: RoundProgress): SummaryListRow[] => [
  { key: { text: 'Not started' }, value: { text: String(progress.notStarted) } },
  { key: { text: 'In progress' }, value: { text: String(progress.inProgress) } },
  { key: { text: 'Submitted' }, value: { text: String(progress.submitted) } },
  { key: { text: 'Moderated' }, value: { text: String(progress.moderated) } },
]

/**
 * What the heatmap says of its round: which one is shown and why, how far any open round has got, and
 * the other rounds to switch to. Insights opens where the evidence is (see defaultInsightsRound).
 */
export function roundNoteView(shown: Pick<Round, 'id' | 'name'>, choice: RoundChoice, now: Date): RoundNoteView {
  const { chosen, minimum } = choice
  const showing =
    chosen && chosen.round.id === shown.id
      ? `Showing ${shown.name}, ${why(chosen, minimum)}.`
      : `Showing ${shown.name}, as chosen.${chosen ? ` Insights opens on ${chosen.round.name}, ${why(chosen, minimum)}.` : ''}`
  const here: RoundWithProgress | undefined = choice.rounds.find(r => r.round.id === shown.id)
  const status = here && roundStatus(here.round, now)
  const otherRounds = choice.rounds
    .filter(r => r.round.id !== shown.id)
    .map(r => link(paths.heatmap(r.round.id), r.round.name))
  return {
    showing,
    openRounds: choice.rounds
      .filter(r => r.round.id !== shown.id && roundStatus(r.round, now) === 'open')
      .map(r => `${r.round.name} is open: ${submittedOf(r.progress)}.`),
    progress:
      here && status !== 'closed' && status !== undefined
        ? {
            heading: `${here.round.name} ${STATUS_WORDS[status]}: ${submittedOf(here.progress)}`,
            rows: progressRows(here.progress),
            scoredNote: 'Only submitted and moderated assessments are scored, so the heatmap shows those alone.',
          }
        : null,
    otherRounds,
    hasOtherRounds: otherRounds.length > 0,
  }
}
