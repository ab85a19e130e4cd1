import type { AnswerContent } from '../../domain/assessment/answer'
import { STATE_LABELS, isAssessmentState } from '../../domain/assessment/workflow'
import { allQuestions, type QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { paths } from '../../paths'
import { describeAnswer } from './answer.presenter'
import { plural } from '../../domain/format/plurals'
import { shortDateTime } from '../../domain/format/dates'

export interface HistoryRow {
  at: Date
  who: string
  what: string
  before: string
  after: string
}

interface Event {
  at: Date
  actorName: string
  action: string
  before?: unknown
  after?: unknown
}

type Snapshot = Partial<AnswerContent> & {
  questionKey?: string
  revision?: number
  rationale?: string | null
  state?: string
  from?: string
  answers?: number
  kept?: string[]
}

const STATE_ACTIONS: Record<string, string> = {
  'assessment.started': 'Started the assessment',
  'assessment.submitted': 'Submitted the assessment',
  'assessment.open_moderation': 'Opened for moderation',
  'assessment.return': 'Returned to the borough for changes',
  'assessment.complete': 'Completed moderation',
}

const stateLabel = (state: unknown): string => (isAssessmentState(state) ? STATE_LABELS[state] : '')

/** Audit events as a person reads them: what changed, from what, to what. */
export function historyRows(events: readonly Event[], definition: QuestionnaireDefinition): HistoryRow[] {
  const questions = new Map(allQuestions(definition).map(l => [l.question.key, l.question]))
  const levels = definition.scale.levels
  return events.map(e => {
    const before = (e.before ?? {}) as Snapshot
    const after = (e.after ?? {}) as Snapshot
    const row = { at: e.at, who: e.actorName }
    const question = after.questionKey ? questions.get(after.questionKey) : undefined
    if (question) {
      const moderation = e.action === 'moderation.saved'
      const content = (s: Snapshot): AnswerContent => ({
        level: s.level ?? null,
        value: s.value ?? null,
        notApplicable: s.notApplicable ?? false,
        evidence: s.evidence ?? null,
      })
      let afterText = describeAnswer(question, content(after), levels)
      if (moderation && after.rationale) afterText += ` (rationale: ${after.rationale})`
      if ((after.evidence ?? '') !== (before.evidence ?? '')) afterText += ` (evidence: ${after.evidence || 'removed'})`
      return {
        ...row,
        what: `${moderation ? 'Moderated' : e.action === 'answer.confirmed' ? 'Confirmed' : 'Answered'}: ${question.prompt}`,
        before: before.revision
          ? describeAnswer(question, content(before), levels)
          : moderation
            ? 'Self-assessed level'
            : 'Not answered',
        after: afterText,
      }
    }
    if (e.action === 'assessment.carried-over') {
      return {
        ...row,
        what: `Started from ${after.from ?? ''}’s answers (${plural(after.answers ?? 0, 'answer')}${after.kept?.length ? `, ${after.kept.length} already answered kept` : ''})`,
        before: '',
        after: '',
      }
    }
    if (e.action === 'assessment.carry-over-declined') {
      return { ...row, what: `Chose to start without ${after.from ?? ''}’s answers`, before: '', after: '' }
    }
    return {
      ...row,
      what: STATE_ACTIONS[e.action] ?? e.action,
      before: stateLabel(before.state),
      after: stateLabel(after.state),
    }
  })
}

export interface HistoryView {
  backLink: string
  caption: string
  /** "3 changes, oldest first"; null when nothing has changed yet. */
  tableCaption: string | null
  rows: { text: string; classes?: string }[][]
}

/** The history page: every change to an assessment, oldest first. */
export function historyView(
  view: { assessment: { id: number }; organisation: { name: string }; round: { name: string } },
  rows: readonly HistoryRow[],
): HistoryView {
  return {
    backLink: paths.assessment(view.assessment.id),
    caption: `${view.organisation.name}: ${view.round.name}`,
    tableCaption: rows.length === 0 ? null : `${plural(rows.length, 'change')}, oldest first`,
    rows: rows.map(r => [
      { text: shortDateTime(r.at), classes: 'app-nowrap' },
      { text: r.who },
      { text: r.what },
      { text: r.before },
      { text: r.after },
    ]),
  }
}
