import { answersTable, fileSlug, scoresTable, type ExportSource } from '../../domain/export-rows'
import { NotFoundError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { toCsv, toXlsx } from './export-formats'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults, moderatedLevels } from '../insights/round-results'

export interface ExportFile {
  filename: string
  contentType: string
  body: Buffer
}

export const CSV_TYPE = 'text/csv; charset=utf-8'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function exportService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  /**
   * Central roles get every assessment of the round, drafts included, each with its state so a reader can
   * filter; a respondent gets their own organisation's, or a 404 that says nothing of who else takes part.
   */
  async function rows(user: User, roundId: number) {
    const { round, definition, results } = await loadRoundResults(repos, questionnaires, roundId)
    const central = isCentralRole(user.role)
    const visible = central ? results : results.filter(r => r.organisation.id === user.organisationId)
    const organisation: Organisation | null = central ? null : (visible[0]?.organisation ?? null)
    if (!central && !organisation) throw new NotFoundError('Your organisation is not taking part in this round')
    const source: ExportSource = {
      definition,
      assessments: visible.map(r => ({
        organisation: r.organisation,
        state: r.assessment.state,
        answers: r.answers,
        moderatedLevels: moderatedLevels(r),
      })),
    }
    const name = [fileSlug(round.name) || `round-${round.id}`, organisation?.slug].filter(Boolean).join('-')
    return { round, organisation, filename: name, scores: scoresTable(source), answers: answersTable(source) }
  }

  return {
    rows,

    /** The answers, one row per organisation and question. */
    async csv(user: User, roundId: number): Promise<ExportFile> {
      const exported = await rows(user, roundId)
      return { filename: `${exported.filename}.csv`, contentType: CSV_TYPE, body: toCsv(exported.answers) }
    },

    /** Scores and answers as two sheets of one workbook. */
    async xlsx(user: User, roundId: number): Promise<ExportFile> {
      const exported = await rows(user, roundId)
      const body = await toXlsx({ Scores: exported.scores, Answers: exported.answers }, clock())
      return { filename: `${exported.filename}.xlsx`, contentType: XLSX_TYPE, body }
    },
  }
}
