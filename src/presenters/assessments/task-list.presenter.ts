import type { ThemeProgress, ThemeStatus } from '../../domain/assessment/progress'
import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { paths } from '../../paths'
import type { AssessmentView } from '../../services/assessments/view-assessment.service'

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
  carryOver: { from: string; action: string; heading: string; button: string } | null
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

/** 31 March 2027: a round's closing day, read at midday so no time zone moves it. */
export const closingDay = (closesOn: string): string =>
  new Date(`${closesOn}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

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
  if (toConfirm)
    item.hint = { id: `hint-${key}`, text: `${toConfirm} carried-over answer${toConfirm === 1 ? '' : 's'} to confirm` }
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

/** The respondent's task list: status, sections and where to go next. */
export function taskListView(view: AssessmentView): TaskListView {
  const { id, state } = view.assessment
  const editable = view.editable.allowed
  const from = view.carryOver.from
  return {
    organisationName: view.organisation.name,
    roundName: view.round.name,
    status: { text: STATE_LABELS[state], classes: `govuk-tag--${TAG_COLOURS[state]}` },
    closes: `${closingDay(view.round.closesOn)}${view.round.status === 'closed' || view.round.status === 'cancelled' ? ` (${view.round.status})` : ''}`,
    progress: `You have completed ${view.progress.completedThemes} of ${view.progress.totalThemes} sections`,
    returnComment: view.returnComment,
    notEditable: editable ? null : `${view.editable.reason}.`,
    reportLink: reportLink(id, state),
    carryOver: view.carryOver.available
      ? {
          from: String(from),
          action: paths.assessmentCarryOver(id),
          heading: `Start from ${from}’s answers`,
          button: `Start from ${from}’s answers`,
        }
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
