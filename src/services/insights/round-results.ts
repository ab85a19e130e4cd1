import { byBritishName } from '../../domain/names'
import type { Answer } from '../../domain/assessment/answer'
import type { Round } from '../../domain/assessment/round'
import type { AssessmentState } from '../../domain/assessment/workflow'
import type { Organisation } from '../../domain/organisation'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { Repositories } from '../../data'
import type { AssessmentRecord } from '../../data/assessment.repository'
import type { Moderation } from '../../domain/assessment/moderation'
import type { Partnership } from '../../data/partnership.repository'
import { NotFoundError } from '../../domain/errors'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import type { RoundCopy } from '../../db/copies'

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

/** Everything a round holds, as read from the database. */
export interface RoundData {
  round: Round
  /** Every round, newest first, and every partnership, as they were when these results were read. */
  rounds: Round[]
  partnerships: Partnership[]
  definition: QuestionnaireDefinition
  /** Every assessment of the round, ordered by organisation name. Shared: never change it. */
  results: OrganisationResult[]
}

/** A body made once per key while the round's data stands, then sent again as it was. */
export type KeepBody = (key: string, make: () => string | Promise<string>) => Promise<Buffer>

export interface RoundResults extends RoundData {
  /** Work derived from these results, computed once and kept until the round's data changes. */
  memo: <T>(key: string, compute: () => T) => T
  /** The same for work that reads the database: one computation shared by every request meanwhile. */
  memoAsync: <T>(key: string, compute: () => Promise<T>) => Promise<T>
  /**
   * A page or JSON body made from these results alone, kept as bytes for as long. It must depend on
   * nothing else: never on the user, the session or its CSRF token.
   */
  keptBody: KeepBody
}

/** The moderated levels of one assessment, as the scoring rule takes them. */
export const moderatedLevels = (result: { moderations: ReadonlyMap<string, Moderation> }): Map<string, number> =>
  new Map([...result.moderations].map(([key, m]) => [key, m.level]))

const byOrganisationName = (a: OrganisationResult, b: OrganisationResult) =>
  byBritishName(a.organisation.name, b.organisation.name)

/**
 * How long a copy stands on the feed's word alone. A save is announced by its app just after it commits
 * (ChangeFeed.announce), so an app killed in that moment leaves it unannounced: this bounds how long any
 * other process could show the round without it.
 */
const UNCHECKED_MS = 5_000

/** Counts reads of round versions and loads of rounds, so each read knows which loads began after it. */
let reads = 0

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
  const { rounds: copies, roundCopy } = repos.copies
  // While the feed has heard no change to any table the results are made from, the copy stands
  // without asking; otherwise one query says whether it does. Names and groupings belong to their own
  // tables, not the round: their versions are part of it.
  const feed = repos.changes
  let copy = copies.get(roundId)
  const now = Date.now()
  const unheard =
    copy !== undefined &&
    feed.live &&
    copy.heard.deafness === feed.deafness &&
    copy.heard.dataChanges === feed.dataChanges &&
    now - copy.heard.at < UNCHECKED_MS
  if (!copy || !unheard) {
    const heard = { deafness: feed.deafness, dataChanges: feed.dataChanges, at: now }
    const asked = ++reads
    const version = await repos.rounds.resultsVersion(roundId)
    if (copy?.version === version) {
      copy.heard = heard
    } else {
      const previous = copy
      const load = async (): Promise<RoundCopy> => {
        const loadedAfter = ++reads
        const changed = previous && (await readChanged(repos, previous, version))
        if (changed) return roundCopy({ version, heard, loadedAfter, ...changed.copy }, changed.carried)
        return roundCopy({ version, heard, loadedAfter, ...(await readAll(repos, questionnaires, roundId)) })
      }
      // Requests for the round share one load; one that began before this request read the version may
      // not hold what it saw, so then the round is loaded again.
      copy = await copies.fetch(roundId, { forceRefresh: true, context: { load } })
      if (copy && copy.loadedAfter < asked)
        copy = await copies.fetch(roundId, { forceRefresh: true, context: { load } })
      copy ??= await load()
    }
  }
  return resultsOf(copy)
}

function resultsOf(copy: RoundCopy): RoundResults {
  const { derived, bodies } = copy
  return {
    ...copy.data,
    memo: <T>(key: string, compute: () => T): T => {
      const kept = derived.get(key)
      if (kept) return kept.value as T
      const value = compute()
      derived.set(key, { value })
      return value
    },
    // Only a value is kept, never a failed promise: a database blip must not stick until the next write.
    memoAsync: async <T>(key: string, compute: () => Promise<T>): Promise<T> => {
      const kept = await derived.fetch(key, { context: { make: compute } })
      return kept ? (kept.value as T) : compute()
    },
    keptBody: async (key, make) => {
      const render = async () => Buffer.from(await make())
      return (await bodies.fetch(key, { context: { make: render } })) ?? render()
    },
  }
}

/** The round's version names its assessments first, then the tables of rounds, names and groupings. */
const tablesOf = (version: string): string => version.slice(version.indexOf('/'))

/** The whole round afresh. Each assessment's version is read before its answers, so none is newer than it says. */
async function readAll(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  roundId: number,
): Promise<Pick<RoundCopy, 'assessments' | 'data'>> {
  const assessments = await repos.assessments.versionsForRound(roundId)
  const [rounds, partnerships] = await Promise.all([repos.rounds.list(), repos.partnerships.list()])
  const round = rounds.find(r => r.id === roundId)
  if (!round) throw new NotFoundError('There is no such round')
  return { assessments, data: { ...(await readRound(repos, questionnaires, round)), round, rounds, partnerships } }
}

/**
 * The round again, reading only the assessments that changed since `previous`, when nothing else did: an
 * answer saved anywhere in a round of thousands should not make the next view read all of them. Work
 * derived from the round is carried over when no change could alter it: every assessment that changed
 * was a draft before and still is, in the same state (insight views score only handed-in assessments).
 */
async function readChanged(
  repos: Repositories,
  previous: RoundCopy,
  version: string,
): Promise<
  { copy: Pick<RoundCopy, 'assessments' | 'data'>; carried?: Pick<RoundCopy, 'derived' | 'bodies'> } | undefined
> {
  if (tablesOf(version) !== tablesOf(previous.version)) return undefined
  const assessments = await repos.assessments.versionsForRound(previous.data.round.id)
  if (assessments.size !== previous.assessments.size) return undefined
  const changed = [...assessments].filter(([id, v]) => previous.assessments.get(id) !== v).map(([id]) => id)
  if (changed.some(id => !previous.assessments.has(id))) return undefined
  const [records, answers, moderations] = await Promise.all([
    repos.assessments.list({ ids: changed }),
    repos.assessments.answersFor(changed),
    repos.moderations.forAssessments(changed),
  ])
  const byId = new Map(records.map(r => [r.id, r]))
  const neutral = previous.data.results.every(before => {
    const after = byId.get(before.assessment.id)
    return !after || (!before.scored && !SCORED_STATES.includes(after.state) && after.state === before.assessment.state)
  })
  const results = previous.data.results.map(before => {
    const assessment = byId.get(before.assessment.id)
    if (!assessment) return before
    const scored = SCORED_STATES.includes(assessment.state)
    return {
      assessment,
      organisation: before.organisation,
      answers: new Map((answers.get(assessment.id) ?? []).map(a => [a.questionKey, a])),
      moderations: new Map((moderations.get(assessment.id) ?? []).map(m => [m.questionKey, m])),
      scored,
    }
  })
  return {
    copy: { assessments, data: { ...previous.data, results } },
    carried: neutral ? { derived: previous.derived, bodies: previous.bodies } : undefined,
  }
}

async function readRound(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  round: Round,
): Promise<Pick<RoundData, 'definition' | 'results'>> {
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
