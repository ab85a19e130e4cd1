import { asksInvestment } from '../../domain/insights/investment'
import type { Round } from '../../domain/assessment/round'
import { NotFoundError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { allQuestions, type MaturityQuestion } from '../../domain/questionnaire/definition'
import { nextLevel, rankThemes, type RankedTheme } from '../../domain/report'
import { isCentralRole } from '../../domain/roles'
import { score, type Scores } from '../../domain/scoring'
import { distribution, type Distribution } from '../../domain/statistics'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { AssessmentRecord } from '../../data/assessment.repository'
import type { Moderation } from '../../domain/assessment/moderation'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults } from '../insights/round-results'
import { changeSincePrevious, finalScores, type Change, type Scored } from './change-since-previous.service'

export type { Change } from './change-since-previous.service'

export interface ScoreLine {
  key: string
  title: string
  self: number | null
  final: number | null
  coverage: number
  /** London's spread of final scores; null when withheld or when nobody has a score. */
  london: Distribution | null
}

export interface QuestionLine {
  key: string
  prompt: string
  themeTitle: string
  dimensionTitle: string
  selfLevel: number | null
  /** The earlier round the borough's level was carried from, while no one has confirmed it. */
  carriedFrom: string | null
  notApplicable: boolean
  moderated: Pick<Moderation, 'level' | 'rationale'> | null
  finalLevel: number | null
  next: { level: number; descriptor: string } | null
}

export interface BoroughReport {
  organisation: Organisation
  round: Round
  assessment: AssessmentRecord
  /** Whether London's figures include this assessment, i.e. it has been handed in. */
  submitted: boolean
  moderated: boolean
  weakThreshold: number
  overall: ScoreLine
  dimensions: ScoreLine[]
  london: { shown: boolean; count: number; minimum: number }
  themes: { strongest: RankedTheme[]; weakest: RankedTheme[] }
  change: { previousRound: Round; comparableQuestions: number; lines: Change[] } | null
  questions: QuestionLine[]
  /** Whether the questionnaire asks for spend on digital, so the council can be set against London's. */
  asksInvestment: boolean
}

/** Each maturity question with the borough's own level, any moderation, the final level and the next step up. */
function questionLines(s: Scored): QuestionLine[] {
  return allQuestions(s.definition)
    .filter((l): l is typeof l & { question: MaturityQuestion } => l.question.type === 'maturity')
    .map(({ question, theme, dimension }) => {
      const answer = s.answers.get(question.key)
      const moderation = s.moderations.get(question.key)
      const finalLevel = answer?.notApplicable ? null : (moderation?.level ?? answer?.level ?? null)
      return {
        key: question.key,
        prompt: question.prompt,
        themeTitle: theme.title,
        dimensionTitle: dimension.title,
        selfLevel: answer?.level ?? null,
        carriedFrom: answer?.carriedFrom ?? null,
        notApplicable: answer?.notApplicable ?? false,
        moderated: moderation ? { level: moderation.level, rationale: moderation.rationale } : null,
        finalLevel,
        next: answer?.notApplicable ? null : nextLevel(question, finalLevel),
      }
    })
}

/**
 * A borough's report. Respondents see London only as anonymised distribution figures, and only where at
 * least `disclosureMinimum` organisations stand behind them, so no single borough's score can be read off.
 */
export function reportService(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  options: { disclosureMinimum: number },
) {
  return {
    async forAssessment(user: User, assessmentId: number): Promise<BoroughReport> {
      const record = Number.isSafeInteger(assessmentId) ? await repos.assessments.findById(assessmentId) : undefined
      // Respondents learn nothing of other organisations' assessments, not even that they exist.
      if (!record || (!isCentralRole(user.role) && user.organisationId !== record.organisationId)) {
        throw new NotFoundError('There is no such assessment')
      }
      const { round, definition, results } = await loadRoundResults(repos, questionnaires, record.roundId)
      const own = results.find(r => r.assessment.id === assessmentId)
      if (!own) throw new NotFoundError('There is no such assessment')
      const current: Scored = { definition, answers: own.answers, moderations: own.moderations }
      const self = score(definition, { answers: own.answers, basis: 'self' })
      const final = finalScores(current)

      const london = results.filter(r => r.scored).map(r => finalScores({ definition, ...r }))
      const shown = isCentralRole(user.role) || london.length >= options.disclosureMinimum
      const spread = (pick: (s: Scores) => number | null) =>
        shown ? distribution(london.map(pick).filter((v): v is number => v !== null)) : null

      return {
        organisation: own.organisation,
        round,
        assessment: own.assessment,
        submitted: own.scored,
        moderated: own.assessment.state === 'moderated',
        weakThreshold: definition.weakThreshold,
        overall: {
          key: 'overall',
          title: 'Overall',
          self: self.overall,
          final: final.overall,
          coverage: final.coverage,
          london: spread(s => s.overall),
        },
        dimensions: definition.dimensions.map((dimension, i) => ({
          key: dimension.key,
          title: dimension.title,
          self: self.dimensions[i]?.score ?? null,
          final: final.dimensions[i]?.score ?? null,
          coverage: final.dimensions[i]?.coverage ?? 0,
          london: spread(s => s.dimensions[i]?.score ?? null),
        })),
        london: { shown, count: london.length, minimum: options.disclosureMinimum },
        themes: rankThemes(definition, final),
        change: await changeSincePrevious(repos, questionnaires, current, round, own.organisation.id),
        questions: questionLines(current),
        asksInvestment: asksInvestment(definition),
      }
    },
  }
}

export type ReportService = ReturnType<typeof reportService>
