import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { paths } from '../../paths'
import type { TableHeadCell, TableRow } from '../govuk-params'
import { component, element, link, text } from '../html'
import { plural } from '../../domain/format/plurals'

/** Tag colours for states: the words carry the meaning, the colour only repeats it. */
export const STATE_TAGS: Partial<Record<AssessmentState, string>> = {
  submitted: 'govuk-tag--blue',
  in_moderation: 'govuk-tag--yellow',
  returned: 'govuk-tag--orange',
  moderated: 'govuk-tag--green',
}

export interface QueueView {
  filterAction: string
  /** Null when there are no rounds yet. */
  filters: {
    rounds: { value: number; text: string; selected: boolean }[]
    state: string | undefined
    states: { value: string; text: string }[]
  } | null
  /** Said when no assessment matches. */
  empty: string | null
  caption: string
  head: TableHeadCell[]
  /**
   * The organisation (the row header, linked to its page), its state as a tag, when it was submitted, and a
   * link to moderate or view it, which an assessor's own organisation does not get.
   */
  rows: TableRow[]
}

const HEAD: TableHeadCell[] = [{ text: 'Organisation' }, { text: 'State' }, { text: 'Submitted' }, { text: 'Action' }]

interface QueueRow {
  assessment: { id: number; state: AssessmentState }
  organisation: { name: string; slug: string }
  own: boolean
  submittedOn: string
}

/** The assessor's queue: the round and state filters and one row per assessment in the round. */
export function queueView(input: {
  rounds: readonly { id: number; name: string }[]
  round: { id: number; name: string } | undefined
  rows: readonly QueueRow[]
  states: readonly AssessmentState[]
  stateFilter: AssessmentState | undefined
}): QueueView {
  const { rounds, round, rows, stateFilter } = input
  const filtered = stateFilter ? STATE_LABELS[stateFilter].toLowerCase() : null
  return {
    filterAction: paths.moderationQueue,
    filters:
      rounds.length === 0
        ? null
        : {
            rounds: rounds.map(r => ({ value: r.id, text: r.name, selected: Boolean(round && r.id === round.id) })),
            state: stateFilter,
            states: [{ value: '', text: 'All' }, ...input.states.map(s => ({ value: s, text: STATE_LABELS[s] }))],
          },
    empty:
      rows.length === 0
        ? `No assessments in ${round?.name} are ${filtered ?? 'waiting for or going through moderation'}.`
        : null,
    caption: `${round?.name}: ${plural(rows.length, 'assessment')}${filtered ? ` ${filtered}` : ''}`,
    head: HEAD,
    rows: rows.map((r): TableRow => {
      const state = r.assessment.state
      const name = r.organisation.name
      const action = state === 'submitted' || state === 'in_moderation' ? 'Moderate' : 'View'
      return [
        { html: link(paths.organisation(r.organisation.slug), name), header: true, classes: 'app-table__row-header' },
        { html: component('tag', { text: STATE_LABELS[state], classes: STATE_TAGS[state] }) },
        { text: r.submittedOn },
        {
          html: r.own
            ? element('span', text('Your organisation: you cannot moderate it'), 'app-secondary-text')
            : link(paths.moderation(r.assessment.id), action, name),
        },
      ]
    }),
  }
}
