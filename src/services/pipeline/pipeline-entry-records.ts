import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import type { EntryContent } from '../../domain/pipeline/entry'
import type { Organisation } from '../../domain/organisation'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'
import type { PipelineEntry } from '../../data/pipeline.repository'
import type { Clock } from '../clock'
import type { pipelineAccess } from './pipeline-access'
import type { pipelineOptions } from './pipeline-options'

/** What each pipeline use case is built from (see pipelineService). */
export interface PipelineDeps {
  repos: Repositories
  clock: Clock
  access: ReturnType<typeof pipelineAccess>
  options: ReturnType<typeof pipelineOptions>
}

export interface EntryView extends PipelineEntry {
  organisation: Organisation
}

/** A save or delete based on a stale revision: the caller is shown what is there now. */
export class EntryConflictError extends ConflictError {
  constructor(readonly current: EntryView) {
    super('Someone else changed this entry since you loaded it')
  }
}

export const ENTITY = 'pipeline_entry'

export const contentOf = (e: PipelineEntry): EntryContent => ({
  categoryKey: e.categoryKey,
  currentSystem: e.currentSystem,
  supplier: e.supplier,
  contractEnd: e.contractEnd,
  plannedStart: e.plannedStart,
  route: e.route,
  valueBand: e.valueBand,
  status: e.status,
  addresses: e.addresses,
  notes: e.notes,
  shareable: e.shareable,
})

/** An entry as its audit events record it. */
export const audited = (e: PipelineEntry) => ({
  organisationId: e.organisationId,
  ...contentOf(e),
  revision: e.revision,
})

export function checkRevision(raw: unknown): number {
  const revision = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw
  if (typeof revision === 'number' && Number.isSafeInteger(revision) && revision > 0) return revision
  throw new ValidationError([
    { field: 'revision', message: 'Send the revision the change is based on: the whole number you were given' },
  ])
}

/** The entry with its organisation, as every use case hands it back. */
export async function located(repos: Repositories, entry: PipelineEntry, db?: Transaction): Promise<EntryView> {
  const organisation = await repos.organisations.findById(entry.organisationId, db)
  if (!organisation) throw new Error(`pipeline entry ${entry.id} has lost its organisation`)
  return { ...entry, organisation }
}

/** The entry locked for a change, or NotFound when it is not there or not this person's to see. */
export async function lockedForChange({ repos, access }: PipelineDeps, user: User, id: number, trx: Transaction) {
  const entry = Number.isSafeInteger(id) && id > 0 ? await repos.pipeline.lock(id, trx) : undefined
  if (!entry || !access.mayRead(user, entry.organisationId)) throw new NotFoundError('There is no such entry')
  if (!access.mayWrite(user, entry.organisationId))
    throw new ForbiddenError('Only the organisation’s respondents and administrators can change its pipeline')
  return entry
}

/** Refuses a change based on an older revision, showing what is there now. */
export async function checkCurrent(repos: Repositories, current: PipelineEntry, revision: number, trx: Transaction) {
  if (current.revision !== revision) throw new EntryConflictError(await located(repos, current, trx))
}

/** A new entry and its audit event, in the caller's transaction: made by hand or by an import. */
export async function insertAudited(
  { repos, clock }: PipelineDeps,
  trx: Transaction,
  user: User,
  organisationId: number,
  content: EntryContent,
  how: 'created' | 'imported',
  at: Date = clock(),
): Promise<number> {
  const id = await repos.pipeline.insert(organisationId, content, { at, by: user.id }, trx)
  await repos.audit.record(
    {
      at,
      actorUserId: user.id,
      action: `${ENTITY}.${how}`,
      entityType: ENTITY,
      entityId: id,
      after: { organisationId, ...content, revision: 1 },
    },
    trx,
  )
  return id
}
