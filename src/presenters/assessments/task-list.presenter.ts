import type { ThemeProgress, ThemeStatus } from '../../domain/assessment/progress'
import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { paths } from '../../paths'
import type { AssessmentView } from '../../services/assessments/view-assessment.service'
import { plural } from '../../domain/format/plurals'
import { longDate } from '../../domain/format/dates'

/** Last round's answers on offer: what taking them does, and the two buttons of its one form. */
export interface CarryOverOfferView {
  heading: string
  paragraphs: string[]
  action: string
  button: string
  declineAction: string
  declineButton: string
}

/** One section as govuk-frontend's task list takes it. */
export interface TaskItemView {
  title: { text: string }
  href: string
  hint?: { id: string; text: string }
  status: { id: string; text?: string; tag?: { text: string; classes: string } }
}

export interface TaskListView {
  organisationName: string
  roundName: string
  status: { text: string; classes: string }
  closes: string
  progress: string
  returnComment: string | null
  /** Why answers cannot be changed, as a sentence; null when they can. */
  notEditable: string | null
  reportLink: { href: string; text: string } | null
  carryOver: CarryOverOfferView | null
  dimensions: { heading: string; items: TaskItemView[] }[]
  checkLink: { href: string; text: string }
  historyHref: string
  finalReportLink: { href: string; text: string }
}

const TAG_COLOURS: Record<AssessmentState, string> = {
  not_started: 'grey',
  in_progress: 'blue',
  submitted: 'green',
  in_moderation: 'purple',
  returned: 'orange',
  moderated: 'green',
}

/** A section's status as a tag: the words carry it, the colour repeats it. */
export const SECTION_TAGS: Record<ThemeStatus, { text: string; classes: string }> = {
  completed: { text: 'Completed', classes: 'govuk-tag--green' },
  in_progress: { text: 'In progress', classes: 'govuk-tag--light-blue' },
  not_started: { text: 'Not started', classes: 'govuk-tag--grey' },
}

const HANDED_IN: readonly AssessmentState[] = ['submitted', 'in_moderation', 'moderated']

function taskItem(assessmentId: number, p: ThemeProgress | undefined, theme: { key: string; title: string }) {
  const key = theme.key.replace(/\./g, '__')
  const toConfirm = p?.toConfirm ?? 0
  const item: TaskItemView = {
    title: { text: theme.title },
    href: paths.assessmentTheme(assessmentId, theme.key),
    status:
      p?.status === 'completed'
        ? { id: `status-${key}`, text: 'Completed' }
        : {
            id: `status-${key}`,
            tag: SECTION_TAGS[p?.status === 'in_progress' ? 'in_progress' : 'not_started'],
          },
  }
  if (toConfirm) item.hint = { id: `hint-${key}`, text: `${plural(toConfirm, 'carried-over answer')} to confirm` }
  return item
}

function reportLink(id: number, state: AssessmentState): TaskListView['reportLink'] {
  if (state === 'returned')
    return { href: paths.assessmentReport(id), text: 'See each level the assessor changed, and why' }
  if (HANDED_IN.includes(state))
    return {
      href: paths.assessmentReport(id),
      text: 'See your report: scores, London’s figures and suggested next steps',
    }
  return null
}

/** The offer of an earlier round's answers, worded for whether the team has answered anything yet. */
function carryOverOffer(id: number, from: string, answered: boolean): CarryOverOfferView {
  const paragraphs = [
    `Your council’s final answers from ${from} can be copied into this assessment, including onto questions that have been renamed or split. Each copied answer is marked “confirm or change”, and must be checked before you submit.`,
  ]
  if (answered)
    paragraphs.push(
      'Answers your council has already given in this assessment are kept as they are: only questions still unanswered get last round’s answer.',
    )
  paragraphs.push('If you start without them, this offer goes away for everyone in your council.')
  return {
    heading: `Start from ${from}’s answers`,
    paragraphs,
    action: paths.assessmentCarryOver(id),
    button: `Start from ${from}’s answers`,
    declineAction: paths.assessmentCarryOverDecline(id),
    declineButton: `Start without ${from}’s answers`,
  }
}

/** The respondent's task list: status, sections and where to go next. */
export function taskListView(view: AssessmentView): TaskListView {
  const { id, state } = view.assessment
  const editable = view.editable.allowed
  return {
    organisationName: view.organisation.name,
    roundName: view.round.name,
    status: { text: STATE_LABELS[state], classes: `govuk-tag--${TAG_COLOURS[state]}` },
    closes: `${longDate(view.round.closesOn)}${view.round.status === 'closed' || view.round.status === 'cancelled' ? ` (${view.round.status})` : ''}`,
    progress: `You have completed ${view.progress.completedThemes} of ${plural(view.progress.totalThemes, 'theme')}`,
    returnComment: view.returnComment,
    notEditable: editable ? null : `${view.editable.reason}.`,
    reportLink: reportLink(id, state),
    carryOver:
      view.carryOver.available && view.carryOver.from
        ? carryOverOffer(id, view.carryOver.from, view.answers.size > 0)
        : null,
    dimensions: view.definition.dimensions.map((dimension, d) => ({
      heading: `${d + 1}. ${dimension.title}`,
      items: dimension.themes.map(theme =>
        taskItem(
          id,
          view.progress.themes.find(t => t.theme.key === theme.key),
          theme,
        ),
      ),
    })),
    checkLink: {
      href: paths.assessmentCheck(id),
      text: editable ? 'Check your answers and submit' : 'See all answers',
    },
    historyHref: paths.assessmentHistory(id),
    finalReportLink: {
      href: paths.assessmentReport(id),
      text: HANDED_IN.includes(state) ? 'See your report' : 'See a provisional report of your answers so far',
    },
  }
}
