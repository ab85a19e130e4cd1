import type { Round, RoundStatus } from '../../domain/assessment/round'
import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { paths } from '../../paths'
import { longDate, dateTime } from '../../domain/format/dates'
import { ROUND_STATUS_TAGS } from './rounds.presenter'
import { rowHeader, type SummaryListRow, type Table } from '../govuk-params'
import { link, tag } from '../html'
import { plural } from '../../domain/format/plurals'

interface RoundAssessment {
  assessment: { id: number; state: AssessmentState }
  organisation: { name: string }
  progress: { completedThemes: number; totalThemes: number }
}

export interface RoundView {
  name: string
  /** Its status, questionnaire, dates (with when it was closed early, if it was) and how many take part. */
  summary: SummaryListRow[]
  calibrationHref: string
  csvHref: string
  xlsxHref: string
  /** Whether it can still be extended, and closed or cancelled. */
  canChange: boolean
  closingDatePassed: boolean
  extendAction: string
  extendHint: string
  /** A round that has not opened is cancelled, never closed: each goes through its check page first. */
  canCancel: boolean
  closeHref: string
  cancelHref: string
  /** Each organisation's assessment, named by a link to it. */
  assessments: Table
}

const ASSESSMENTS_HEAD: Table['head'] = [{ text: 'Organisation' }, { text: 'State' }, { text: 'Progress' }]

function summary(round: Round & { status: RoundStatus }, organisations: number): SummaryListRow[] {
  const questionnaire = `${round.questionnaireKey}, version ${round.questionnaireVersion}`
  const href = paths.admin.questionnaireVersion(round.questionnaireKey, round.questionnaireVersion)
  return [
    { key: { text: 'Status' }, value: { html: tag(ROUND_STATUS_TAGS[round.status]) } },
    { key: { text: 'Questionnaire' }, value: { html: link(href, questionnaire) } },
    { key: { text: 'Opens' }, value: { text: longDate(round.opensOn) } },
    { key: { text: 'Closes' }, value: { text: `At the end of ${longDate(round.closesOn)}` } },
    // Only when an administrator closed it early.
    ...(round.closedAt ? [{ key: { text: 'Closed on' }, value: { text: dateTime(round.closedAt) } }] : []),
    ...(round.cancelledAt ? [{ key: { text: 'Cancelled on' }, value: { text: dateTime(round.cancelledAt) } }] : []),
    { key: { text: 'Organisations taking part' }, value: { text: String(organisations) } },
  ]
}

/** One round, its links and actions, and its assessments as rows. */
export function roundView(round: Round & { status: RoundStatus }, assessments: readonly RoundAssessment[]): RoundView {
  return {
    name: round.name,
    summary: summary(round, assessments.length),
    calibrationHref: paths.calibration(round.id),
    csvHref: paths.roundExportCsv(round.id),
    xlsxHref: paths.roundExportXlsx(round.id),
    canChange: !round.closedAt && !round.cancelledAt,
    closingDatePassed: round.status === 'closed',
    extendAction: paths.admin.roundExtend(round.id),
    extendHint: `Later than ${longDate(round.closesOn)}. Respondents can change answers until the end of this day.`,
    canCancel: round.status === 'scheduled',
    closeHref: paths.admin.roundClose(round.id),
    cancelHref: paths.admin.roundCancel(round.id),
    assessments: {
      head: ASSESSMENTS_HEAD,
      rows: assessments.map(a => [
        rowHeader({ html: link(paths.assessment(a.assessment.id), a.organisation.name) }),
        { text: STATE_LABELS[a.assessment.state] },
        { text: `${a.progress.completedThemes} of ${plural(a.progress.totalThemes, 'theme')} completed` },
      ]),
    },
  }
}
