import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import type { Transaction } from '../../data/db'
import type { Rating, StandardVersion } from '../../domain/estate/estate'
import { checkRatings, withSince, type StandardRef } from '../../domain/estate/ratings'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { RatedEntry, StoredRatings } from '../../data/estate-rating.repository'
import type { Clock } from '../clock'

const ENTITY = 'estate-entry'

/** A save based on an older revision: someone else saved first, and what they saved is kept. */
export class RatingsConflictError extends ConflictError {
  constructor(readonly currentRevision: number) {
    super('Someone else saved ratings for this system since you opened it. Check their ratings, then save yours again.')
  }
}

/** One system's ratings against one standard version, every point listed, as pages and the API show them. */
export interface RatingsView {
  entry: RatedEntry
  standard: StandardVersion
  revision: number
  evidence: string | null
  updatedAt: Date | null
  /** In the standard's order; `since` is null for a point never saved. */
  points: { key: string; title: string; description: string; rating: Rating; since: Date | null }[]
  /** Whether this person may change them. */
  editable: boolean
}

const audited = (stored: StoredRatings | undefined) =>
  stored && {
    revision: stored.revision,
    evidence: stored.evidence,
    ratings: Object.fromEntries(Object.entries(stored.points).map(([k, p]) => [k, p.rating])),
  }

const mayRead = (user: User, entry: RatedEntry) =>
  isCentralRole(user.role) || user.organisationId === entry.organisationId
const mayWrite = (user: User, entry: RatedEntry) =>
  user.role === 'admin' || (user.role === 'respondent' && user.organisationId === entry.organisationId)

/** The entry, when this person may see it; another authority's system is not said to exist. */
async function readable(repos: Repositories, user: User, entryId: number, trx?: Transaction): Promise<RatedEntry> {
  const entry = await repos.estateRatings.entry(entryId, trx, trx !== undefined)
  if (!entry || !mayRead(user, entry)) throw new NotFoundError('There is no such system in the register')
  return entry
}

/** A published standard to rate against: a draft is not there yet, and a retired one is no longer rated. */
async function ratable(repos: Repositories, ref: StandardRef): Promise<StandardVersion> {
  const standard = await repos.standards.find(ref.key, ref.version)
  if (!standard || standard.status === 'draft')
    throw new ValidationError([
      { field: '/standard', message: `There is no published version ${ref.version} of the standard “${ref.key}”` },
    ])
  if (standard.status !== 'published')
    throw new ValidationError([
      {
        field: '/standard',
        message: `Version ${ref.version} of “${ref.key}” is retired: rate against its newer version`,
      },
    ])
  return standard
}

function viewOf(
  entry: RatedEntry,
  standard: StandardVersion,
  stored: StoredRatings | undefined,
  user: User,
): RatingsView {
  return {
    entry,
    standard,
    revision: stored?.revision ?? 0,
    evidence: stored?.evidence ?? null,
    updatedAt: stored?.updatedAt ?? null,
    points: standard.definition.points.map(p => ({
      key: p.key,
      title: p.title,
      description: p.description,
      rating: stored?.points[p.key]?.rating ?? 'not_assessed',
      since: stored?.points[p.key]?.since ?? null,
    })),
    editable: mayWrite(user, entry) && standard.status === 'published',
  }
}

type RawRatings = { ratings?: unknown; evidence?: unknown; revision?: unknown }

/** Saves every point's rating, when `revision` is still current; returns the new revision. */
async function save(
  repos: Repositories,
  clock: Clock,
  user: User,
  entryId: number,
  ref: StandardRef,
  raw: RawRatings,
): Promise<number> {
  const standard = await ratable(repos, ref)
  return repos.database.transaction(async trx => {
    const entry = await readable(repos, user, entryId, trx)
    if (!mayWrite(user, entry))
      throw new ForbiddenError('Only the authority’s respondents and administrators can rate its systems')
    const checked = checkRatings(raw, standard.definition.points)
    if (!checked.value) throw new ValidationError(checked.errors)
    const stored = await repos.estateRatings.find(entryId, standard.id, trx)
    const current = stored?.revision ?? 0
    if (checked.value.revision !== current) throw new RatingsConflictError(current)
    const at = clock()
    const points = withSince(checked.value.ratings, stored?.points ?? {}, at)
    const next = current + 1
    const { evidence, ratings } = checked.value
    await repos.estateRatings.save(entryId, standard.id, { evidence, revision: next, at, by: user.id, points }, trx)
    await repos.audit.record(
      {
        at,
        actorUserId: user.id,
        action: 'estate.rated',
        entityType: ENTITY,
        entityId: entryId,
        before: audited(stored) ?? null,
        after: { standard: { key: standard.key, version: standard.version }, revision: next, evidence, ratings },
      },
      trx,
    )
    return next
  })
}

/** Rating a system against a standard, point by point: the authority itself, or an administrator for it. */
export function rateSystemService(repos: Repositories, clock: Clock) {
  return {
    /** The entry when this person may see it, else not found: checked before anything sent is read. */
    entry: (user: User, entryId: number): Promise<RatedEntry> => readable(repos, user, entryId),

    /** The entry's ratings against a standard version; a draft standard is not there to rate against. */
    async get(user: User, entryId: number, ref: StandardRef): Promise<RatingsView> {
      const entry = await readable(repos, user, entryId)
      const standard = await repos.standards.find(ref.key, ref.version)
      if (!standard || standard.status === 'draft')
        throw new NotFoundError(`There is no published version ${ref.version} of the standard “${ref.key}”`)
      return viewOf(entry, standard, await repos.estateRatings.find(entryId, standard.id), user)
    },

    save: (user: User, entryId: number, ref: StandardRef, raw: RawRatings): Promise<number> =>
      save(repos, clock, user, entryId, ref, raw),

    /** For the register: which standards each entry is rated against, and how it measures up. */
    summariesForEntries: (entryIds: readonly number[]) => repos.estateRatings.summariesForEntries(entryIds),
  }
}

export type RateSystemService = ReturnType<typeof rateSystemService>
