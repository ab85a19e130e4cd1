import type { Answer } from '../../domain/assessment/answer'
import type { Moderation } from '../../domain/assessment/moderation'
import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import {
  moderationProgress,
  moderationSections,
  sectionStatus,
  type ModerationSection,
} from '../../domain/assessment/moderation'
import type { MaturityQuestion, QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { paths } from '../../paths'
import { SECTION_TAGS, type TaskItemView } from '../assessments/task-list.presenter'
import { STATE_TAGS } from './queue.presenter'
import { govukList } from '../assessments/markup'
import type { SummaryListRow, TableHeadCell, TableRow } from '../govuk-params'
import { component, type Html, link } from '../html'
import { plural } from '../../domain/format/plurals'

export interface ModerationPageView {
  backLink: string
  roundName: string
  heading: string
  /**
   * The state as a tag, when it was submitted, how much is moderated, and, when there are any, the answers
   * the borough changed since they were moderated, what was asked of the borough and the moderation comment.
   */
  summary: SummaryListRow[]
  historyHref: string
  /** Where "Start moderation" posts, while the assessment waits for an assessor. */
  openAction: string | null
  inset: string | null
  scoreHead: TableHeadCell[]
  scoreRows: TableRow[]
  /** Each dimension's sections as a GOV.UK task list, with how much of each is moderated. */
  dimensions: { heading: string; items: TaskItemView[] }[]
  /** Links (never forms) to the check page that completes and to the page that returns, while being moderated. */
  finish: { completeHref: string; returnHref: string } | null
}

export interface ModerationPageInput {
  assessment: { id: number; state: AssessmentState }
  round: { id: number; name: string }
  organisationName: string
  definition: QuestionnaireDefinition
  answers: ReadonlyMap<string, Answer>
  moderations: ReadonlyMap<string, Moderation>
  comments: { moderation: string | null; returned: string | null }
  scores: { title: string; self: string; final: string }[]
  submittedOn: string
  fieldId: (key: string) => string
}

const INSETS: Partial<Record<AssessmentState, string>> = {
  returned: 'This assessment is back with the borough. You can moderate it again once they resubmit it.',
  moderated: 'Moderation is complete: the final scores use the moderated levels.',
  not_started: 'The borough has not submitted this assessment yet.',
  in_progress: 'The borough has not submitted this assessment yet.',
}

const SCORE_HEAD: TableHeadCell[] = [
  { text: 'Dimension' },
  { text: 'Self-assessed', format: 'numeric' },
  { text: 'Final', format: 'numeric' },
]

/** The facts at the top of the page; a comment keeps its line breaks. */
function summaryRows(
  input: ModerationPageInput,
  counted: { moderated: string; changedSince: Html[] },
): SummaryListRow[] {
  const { state } = input.assessment
  const returned = state === 'returned' ? input.comments.returned : null
  const comment = state === 'moderated' ? input.comments.moderation : null
  const rows: (SummaryListRow | false | null | '')[] = [
    {
      key: { text: 'State' },
      value: { html: component('tag', { text: STATE_LABELS[state], classes: STATE_TAGS[state] || 'govuk-tag--grey' }) },
    },
    { key: { text: 'Submitted' }, value: { text: input.submittedOn } },
    { key: { text: 'Questions moderated' }, value: { text: counted.moderated } },
    counted.changedSince.length > 0 && {
      key: { text: 'Changed by the borough since moderated' },
      value: { html: govukList(counted.changedSince) },
    },
    returned && { key: { text: 'Asked of the borough' }, value: { text: returned, classes: 'app-preserve-lines' } },
    comment && { key: { text: 'Moderation comment' }, value: { text: comment, classes: 'app-preserve-lines' } },
  ]
  return rows.filter((row): row is SummaryListRow => Boolean(row))
}

const maturity = (questions: readonly { type: string }[]) =>
  questions.filter((q): q is MaturityQuestion => q.type === 'maturity')

/** "5 of 7 moderated": a section as a task, linked to its page. */
function sectionItem(assessmentId: number, section: ModerationSection): TaskItemView {
  const key = section.key.replace(/\./g, '__')
  const status = sectionStatus(section)
  const done = section.toModerate.length - section.unmoderated.length
  return {
    title: { text: section.title },
    href: paths.moderationSection(assessmentId, section.key),
    hint: {
      id: `hint-${key}`,
      text:
        section.toModerate.length === 0
          ? 'Nothing to moderate: no question here is scored'
          : `${done} of ${section.toModerate.length} moderated`,
    },
    status:
      status === 'completed'
        ? { id: `status-${key}`, text: 'Completed' }
        : { id: `status-${key}`, tag: SECTION_TAGS[status] },
  }
}

/** The moderation overview of one assessment: what is moderated so far, the scores, and each section. */
export function moderationPageView(input: ModerationPageInput): ModerationPageView {
  const { assessment: a, answers, moderations, fieldId } = input
  const editable = a.state === 'in_moderation'
  const sections = moderationSections(input.definition, answers, moderations)
  const questions = input.definition.dimensions.flatMap(d => d.themes.flatMap(t => maturity(t.questions)))
  const selfLevel = (q: MaturityQuestion) => {
    const ans = answers.get(q.key)
    return ans && !ans.notApplicable ? ans.level : null
  }
  const moderated = questions.filter(q => moderations.has(q.key))
  const different = moderated.filter(q => moderations.get(q.key)?.level !== selfLevel(q))
  // Answers the borough changed after they were moderated, as after a return: the assessor looks at these first.
  const changedSince = moderated.filter(q => {
    const ans = answers.get(q.key)
    const m = moderations.get(q.key)
    return ans && m && ans.updatedAt.getTime() > m.updatedAt.getTime()
  })
  const sectionOf = new Map(sections.flatMap(s => s.questions.map(q => [q.key, s.key])))
  const progress = moderationProgress(sections)
  return {
    backLink: `${paths.moderationQueue}?round=${input.round.id}`,
    roundName: input.round.name,
    heading: `Moderate ${input.organisationName}`,
    summary: summaryRows(input, {
      moderated: `${progress.moderated} of ${plural(progress.total, 'scored question')} moderated${moderated.length > 0 ? `, ${different.length} at a different level from the self-assessment` : ''}`,
      changedSince: changedSince.map(q =>
        link(`${paths.moderationSection(a.id, sectionOf.get(q.key) ?? '')}#question-${fieldId(q.key)}`, q.prompt),
      ),
    }),
    historyHref: paths.assessmentHistory(a.id),
    openAction: a.state === 'submitted' ? paths.moderationOpen(a.id) : null,
    inset: a.state === 'submitted' || editable ? null : (INSETS[a.state] ?? null),
    scoreHead: SCORE_HEAD,
    scoreRows: input.scores.map((s, i) => ({
      classes: i === input.scores.length - 1 ? 'app-score-total' : undefined,
      cells: [
        { text: s.title, header: true, classes: 'app-table__row-header' },
        { text: s.self, format: 'numeric' },
        { text: s.final, format: 'numeric' },
      ],
    })),
    dimensions: input.definition.dimensions
      .map((dimension, d) => ({
        heading: `${d + 1}. ${dimension.title}`,
        items: sections.filter(s => s.dimension.key === dimension.key).map(s => sectionItem(a.id, s)),
      }))
      .filter(d => d.items.length > 0),
    finish: editable
      ? { completeHref: paths.moderationComplete(a.id), returnHref: paths.moderationReturn(a.id) }
      : null,
  }
}
