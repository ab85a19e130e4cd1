import type { Round } from '../../domain/assessment/round'
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import { trend, type Trend, type TrendRound } from '../../domain/insights/trend'
import { defaultInsightsRound, roundProgress } from '../../domain/insights/default-round'
import { isCentralRole } from '../../domain/roles'
import { systemClock, type Clock } from '../clock'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults, moderatedLevels, type RoundResults } from './round-results'
import { longDate } from '../../domain/format/dates'

export interface RoundTrend {
  round: Round
  /** The round compared with; null when none was asked for and there is no earlier one to default to. */
  against: Round | null
  /** Earlier rounds on the same questionnaire with versions linked by keyMaps: what this round can be compared with. */
  candidates: Round[]
  trend: Trend | null
}

/** Rounds in the order they ran; two opening the same day go in the order they were made. */
const ranBefore = (a: Round, b: Round): boolean => a.opensOn < b.opensOn || (a.opensOn === b.opensOn && a.id < b.id)

const refuse = (message: string): never => {
  throw new ValidationError([{ field: 'against', message }])
}

function parseAgainst(raw: unknown): number | undefined {
  const given = Array.isArray(raw) ? (raw as unknown[])[0] : raw
  if (given === undefined || given === '') return undefined
  // A query string can also arrive as an object (against[x]=1): not a number either.
  const text = typeof given === 'string' ? given.trim() : ''
  const id = /^\d+$/.test(text) ? Number(text) : NaN
  return Number.isSafeInteger(id) && id > 0
    ? id
    : refuse(`against must be the number of a round to compare with, like 12${text ? `, not "${text}"` : ''}`)
}

const asTrendRound = ({ definition, results }: RoundResults): TrendRound => ({
  definition,
  results: results.map(r => ({
    gss: r.organisation.gss,
    name: r.organisation.name,
    scored: r.scored,
    answers: r.answers,
    moderatedLevels: moderatedLevels(r),
  })),
})

/** Unasked, the comparison is with the earlier round where the evidence is, as Insights opens (defaultInsightsRound). */
async function defaultAgainst(
  repos: Repositories,
  choice: { minimum: number; clock: Clock },
  candidates: readonly Round[],
): Promise<Round | undefined> {
  if (candidates.length === 0) return undefined
  const counts = await repos.assessments.stateCountsByRound()
  const withProgress = candidates.map(round => ({ round, progress: roundProgress(counts.get(round.id) ?? {}) }))
  return defaultInsightsRound(withProgress, choice.minimum, choice.clock())?.round
}

/** The change from one round to a later one on the same questionnaire, errata applied; refused where unlinked. */
async function trendBetween(repos: Repositories, questionnaires: QuestionnaireService, against: Round, round: Round) {
  const comparison = await questionnaires.comparisonBetween(
    round.questionnaireKey,
    against.questionnaireVersion,
    round.questionnaireVersion,
  )
  if (!comparison)
    return refuse(
      `Version ${round.questionnaireVersion} of "${round.questionnaireKey}" does not record how its questions map from version ${against.questionnaireVersion}, so ${against.name} and ${round.name} cannot be compared`,
    )
  const [previous, current] = await Promise.all([
    loadRoundResults(repos, questionnaires, against.id),
    loadRoundResults(repos, questionnaires, round.id),
  ])
  return trend(asTrendRound(previous), asTrendRound(current), comparison.keyMap, comparison.notComparable)
}

/** Change between two rounds, for the central roles, on the questions both rounds asked the same way. */
export function trendService(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  choice: { minimum: number; clock: Clock } = { minimum: 5, clock: systemClock },
) {
  async function roundFor(user: User, roundId: number): Promise<Round> {
    // Checked first, so a respondent learns nothing, not even which rounds exist.
    if (!isCentralRole(user.role))
      throw new ForbiddenError('Only LOTI analysts, assessors and admins see London’s named figures')
    const round = Number.isSafeInteger(roundId) && roundId > 0 ? await repos.rounds.findById(roundId) : undefined
    if (!round) throw new NotFoundError('There is no such round')
    return round
  }

  async function candidatesFor(round: Round): Promise<Round[]> {
    const earlier = (await repos.rounds.list()).filter(
      // A cancelled round never ran: there is nothing to compare with.
      r => r.questionnaireKey === round.questionnaireKey && r.cancelledAt === null && ranBefore(r, round),
    )
    const linked = await Promise.all(
      earlier.map(r =>
        questionnaires.keyMapBetween(r.questionnaireKey, r.questionnaireVersion, round.questionnaireVersion),
      ),
    )
    return earlier.filter((_, i) => linked[i] !== undefined).sort((a, b) => (ranBefore(a, b) ? 1 : -1))
  }

  /** The named round, checked: an unknown one is 404, one that cannot be compared says why. */
  async function againstRound(round: Round, id: number): Promise<Round> {
    if (id === round.id)
      refuse(`against must be a different round from ${round.name}: a round has no change from itself`)
    const other = await repos.rounds.findById(id)
    if (!other) throw new NotFoundError(`There is no round ${id} to compare with`)
    if (other.questionnaireKey !== round.questionnaireKey)
      refuse(
        `${other.name} is on the questionnaire "${other.questionnaireKey}" and ${round.name} on "${round.questionnaireKey}": only rounds on the same questionnaire can be compared`,
      )
    if (!ranBefore(other, round))
      refuse(
        `against must be a round that opened before ${round.name}; ${other.name} opened on ${longDate(other.opensOn)}`,
      )
    return other
  }

  return {
    /** The round and what it can be compared with, for a page that has nothing else to show. */
    async options(user: User, roundId: number): Promise<{ round: Round; candidates: Round[] }> {
      const round = await roundFor(user, roundId)
      return { round, candidates: await candidatesFor(round) }
    },

    /**
     * The change since `against`: by default the latest earlier linked round on the same questionnaire with
     * enough scored assessments, else the latest such round that has closed, else the latest.
     * Rounds on another questionnaire, later rounds and versions whose keyMaps do not link are refused.
     */
    async compare(user: User, roundId: number, rawAgainst: unknown): Promise<RoundTrend> {
      const round = await roundFor(user, roundId)
      const id = parseAgainst(rawAgainst)
      const candidates = await candidatesFor(round)
      const against = id === undefined ? await defaultAgainst(repos, choice, candidates) : await againstRound(round, id)
      if (!against) return { round, against: null, candidates, trend: null }
      return { round, against, candidates, trend: await trendBetween(repos, questionnaires, against, round) }
    },
  }
}

export type TrendService = ReturnType<typeof trendService>
