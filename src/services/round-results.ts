import { byBritishName } from '../domain/names'
import type { Answer } from '../domain/assessment/answer'
import type { Round } from '../domain/assessment/round'
import type { AssessmentState } from '../domain/assessment/workflow'
import type { Organisation } from '../domain/organisation'
import type { QuestionnaireDefinition } from '../domain/questionnaire/definition'
import type { Repositories } from '../data'
import type { AssessmentRecord } from '../data/assessment.repository'
import type { Moderation } from '../data/moderation.repository'
import type { Partnership } from '../data/partnership.repository'
import { NotFoundError } from '../domain/errors'
import type { QuestionnaireService } from './questionnaire.service'

/** Only assessments a borough has handed in are scored across London; drafts would skew every comparison. */
export const SCORED_STATES: readonly AssessmentState[] = ['submitted', 'in_moderation', 'moderated']

export interface OrganisationResult {
  assessment: AssessmentRecord
  organisation: Organisation
  answers: Map<string, Answer>
  moderations: Map<string, Moderation>
  /** Whether the assessment counts in London's figures (see SCORED_STATES). */
  scored: boolean
}

export interface RoundResults {
  round: Round
  /** Every round, newest first, and every partnership, as they were when these results were read. */
  rounds: Round[]
  partnerships: Partnership[]
  definition: QuestionnaireDefinition
  /** Every assessment of the round, ordered by organisation name. Shared: never change it. */
  results: OrganisationResult[]
  /** Work derived from these results, computed once and kept until the round's data changes. */
  memo: <T>(key: string, compute: () => T) => T
  /** The same for work that reads the database; see memo. */
  memoAsync: <T>(key: string, compute: () => Promise<T>) => Promise<T>
}

/** The moderated levels of one assessment, as the scoring rule takes them. */
export const moderatedLevels = (result: { moderations: ReadonlyMap<string, Moderation> }): Map<string, number> =>
  new Map([...result.moderations].map(([key, m]) => [key, m.level]))

const byOrganisationName = (a: OrganisationResult, b: OrganisationResult) =>
  byBritishName(a.organisation.name, b.organisation.name)

interface CacheEntry {
  version: string
  /** What the change feed had heard when the version was last read (see ChangeFeed), and when. */
  heard: { deafness: number; dataChanges: number; at: number }
  results: Omit<RoundResults, 'memo' | 'memoAsync'>
  memo: Map<string, unknown>
}

/**
 * How long a copy stands on the feed's word alone. A save is announced by its app just after it commits
 * (ChangeFeed.announce), so an app killed in that moment leaves it unannounced: this bounds how long any
 * other process could show the round without it.
 */
const UNCHECKED_MS = 5_000

/** The rounds most recently read, per database: enough for the rounds people compare at once. */
const CACHED_ROUNDS = 8
const caches = new WeakMap<Repositories, Map<number, CacheEntry>>()

/**
 * Everything a round holds, in a fixed number of queries whatever its size: the building block of the
 * report, calibration, exports and insights. It checks no permissions: the services that call it do.
 *
 * A round's results are kept in memory and reused while its version (one query: an indexed aggregate
 * over its assessments, bumped by trigger on every write, and the versions of the rounds, organisations
 * and partnerships tables) is unchanged, so several app processes each keep their own copy. The query
 * is skipped while the change feed has heard of no write to those tables since it was last made, so a
 * write elsewhere is seen as soon as its notification arrives. `memo` keeps work derived from the
 * results (scores, clusterings, rendered views) for exactly as long.
 */
export async function loadRoundResults(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  roundId: number,
): Promise<RoundResults> {
  if (!Number.isSafeInteger(roundId)) throw new NotFoundError('There is no such round')
  let cache = caches.get(repos)
  if (!cache) caches.set(repos, (cache = new Map<number, CacheEntry>()))
  // While the feed has heard no change to any table the results are made from, the copy stands
  // without asking; otherwise one query says whether it does. Names and groupings belong to their own
  // tables, not the round: their versions are part of it.
  const feed = repos.changes
  let entry = cache.get(roundId)
  const now = Date.now()
  const unheard =
    entry !== undefined &&
    feed.live &&
    entry.heard.deafness === feed.deafness &&
    entry.heard.dataChanges === feed.dataChanges &&
    now - entry.heard.at < UNCHECKED_MS
  if (!entry || !unheard) {
    const heard = { deafness: feed.deafness, dataChanges: feed.dataChanges, at: now }
    const version = await repos.rounds.resultsVersion(roundId)
    if (entry?.version === version) {
      entry.heard = heard
    } else {
      const [rounds, partnerships] = await Promise.all([repos.rounds.list(), repos.partnerships.list()])
      const round = rounds.find(r => r.id === roundId)
      if (!round) throw new NotFoundError('There is no such round')
      const results = { ...(await readRound(repos, questionnaires, round)), round, rounds, partnerships }
      entry = { version, heard, results, memo: new Map() }
      cache.delete(roundId)
      cache.set(roundId, entry)
      for (const oldest of cache.keys()) {
        if (cache.size <= CACHED_ROUNDS) break
        cache.delete(oldest)
      }
    }
  }
  const memo = entry.memo
  return {
    ...entry.results,
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute())
      return memo.get(key) as T
    },
    // Only a value is kept, never a failed promise: a database blip must not stick until the next write.
    memoAsync: async <T>(key: string, compute: () => Promise<T>): Promise<T> => {
      if (memo.has(key)) return memo.get(key) as T
      const value = await compute()
      memo.set(key, value)
      return value
    },
  }
}

async function readRound(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  round: Round,
): Promise<Pick<RoundResults, 'definition' | 'results'>> {
  const [definition, records, organisations, moderations, answers] = await Promise.all([
    questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion),
    repos.assessments.list({ roundId: round.id }),
    repos.organisations.list(),
    repos.moderations.forRound(round.id),
    repos.assessments.answersForRound(round.id),
  ])
  const byId = new Map(organisations.map(o => [o.id, o]))
  const results = records
    .map(assessment => {
      const organisation = byId.get(assessment.organisationId)
      if (!organisation) throw new Error(`assessment ${assessment.id} has lost its organisation`)
      return {
        assessment,
        organisation,
        answers: new Map((answers.get(assessment.id) ?? []).map(a => [a.questionKey, a])),
        moderations: new Map((moderations.get(assessment.id) ?? []).map(m => [m.questionKey, m])),
        scored: SCORED_STATES.includes(assessment.state),
      }
    })
    .sort(byOrganisationName)
  return { definition, results }
}
