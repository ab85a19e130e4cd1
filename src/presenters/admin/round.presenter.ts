import type { Round, RoundStatus } from '../../domain/assessment/round'
import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { paths } from '../../paths'
import { longDate, longDateTime } from './dates'
import { ROUND_STATUS_TAGS, type Tag } from './rounds.presenter'

interface RoundAssessment {
  assessment: { id: number; state: AssessmentState }
  organisation: { name: string }
  progress: { completedThemes: number; totalThemes: number }
}

export interface RoundAssessmentRow {
  organisation: string
  href: string
  state: string
  progress: string
}

export interface RoundView {
  name: string
  tag: Tag
  questionnaire: string
  questionnaireHref: string
  opens: string
  closes: string
  /** When an administrator closed it early, written out; null while it is not closed so. */
  closedOn: string | null
  organisationCount: number
  calibrationHref: string
  csvHref: string
  xlsxHref: string
  /** Whether it can still be extended or closed. */
  canChange: boolean
  closingDatePassed: boolean
  extendAction: string
  extendHint: string
  closeAction: string
  assessments: RoundAssessmentRow[]
}

/** One round, its links and actions, and its assessments as rows. */
export function roundView(round: Round & { status: RoundStatus }, assessments: readonly RoundAssessment[]): RoundView {
  return {
    name: round.name,
    tag: ROUND_STATUS_TAGS[round.status],
    questionnaire: `${round.questionnaireKey}, version ${round.questionnaireVersion}`,
    questionnaireHref: paths.admin.questionnaireVersion(round.questionnaireKey, round.questionnaireVersion),
    opens: longDate(round.opensOn),
    closes: longDate(round.closesOn),
    closedOn: round.closedAt ? longDateTime(round.closedAt) : null,
    organisationCount: assessments.length,
    calibrationHref: paths.calibration(round.id),
    csvHref: paths.roundExportCsv(round.id),
    xlsxHref: paths.roundExportXlsx(round.id),
    canChange: !round.closedAt,
    closingDatePassed: round.status === 'closed',
    extendAction: paths.admin.roundExtend(round.id),
    extendHint: `Later than ${longDate(round.closesOn)}. Respondents can change answers until the end of this day.`,
    closeAction: paths.admin.roundClose(round.id),
    assessments: assessments.map(a => ({
      organisation: a.organisation.name,
      href: paths.assessment(a.assessment.id),
      state: STATE_LABELS[a.assessment.state],
      progress: `${a.progress.completedThemes} of ${a.progress.totalThemes} themes completed`,
    })),
  }
}
