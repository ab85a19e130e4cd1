import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import { readImport, type ImportProblem } from '../../domain/pipeline/csv-import'
import { checkEntry, type EntryContent } from '../../domain/pipeline/entry'
import { checkPriorities } from '../../domain/pipeline/priorities'
import type { Organisation } from '../../domain/organisation'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'
import type { PipelineEntry } from '../../data/pipeline.repository'
import type { Clock } from '../clock'
import { pipelineAccess, type OrganisationRef } from './pipeline-access'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { pipelineOptions } from './pipeline-options'

export interface EntryView extends PipelineEntry {
  organisation: Organisation
}

/** A save or delete based on a stale revision: the caller is shown what is there now. */
export class EntryConflictError extends ConflictError {
  constructor(readonly current: EntryView) {
    super('Someone else changed this entry since you loaded it')
  }
}

/** A CSV import refused as a whole, with every problem in it. */
export class ImportRejectedError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`)
  }
}

const ENTITY = 'pipeline_entry'

const contentOf = (e: PipelineEntry): EntryContent => ({
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

const audited = (e: PipelineEntry) => ({ organisationId: e.organisationId, ...contentOf(e), revision: e.revision })

function checkRevision(raw: unknown): number {
  const revision = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw
  if (typeof revision === 'number' && Number.isSafeInteger(revision) && revision > 0) return revision
  throw new ValidationError([
    { field: 'revision', message: 'Send the revision the change is based on: the whole number you were given' },
  ])
}

export function pipelineService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  const access = pipelineAccess(repos)
  const options = pipelineOptions(repos, questionnaires)

  async function checked(raw: Record<string, unknown>): Promise<EntryContent> {
    const result = checkEntry(raw, await options.entryContext())
    if (!result.value) throw new ValidationError(result.errors)
    return result.value
  }

  async function located(entry: PipelineEntry, db?: Transaction): Promise<EntryView> {
    const organisation = await repos.organisations.findById(entry.organisationId, db)
    if (!organisation) throw new Error(`pipeline entry ${entry.id} has lost its organisation`)
    return { ...entry, organisation }
  }

  /** The entry locked for a change, or NotFound when it is not there or not this person's to see. */
  async function lockedForChange(user: User, id: number, trx: Transaction) {
    const entry = Number.isSafeInteger(id) && id > 0 ? await repos.pipeline.lock(id, trx) : undefined
    if (!entry || !access.mayRead(user, entry.organisationId)) throw new NotFoundError('There is no such entry')
    if (!access.mayWrite(user, entry.organisationId))
      throw new ForbiddenError('Only the organisation’s respondents and administrators can change its pipeline')
    return entry
  }

  /** A new entry and its audit event, in the caller's transaction: made by hand or by an import. */
  async function insertAudited(
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

  /** Refuses a change based on an older revision, showing what is there now. */
  async function checkCurrent(current: PipelineEntry, revision: number, trx: Transaction) {
    if (current.revision !== revision) throw new EntryConflictError(await located(current, trx))
  }

  return {
    options: () => options.forForms(),

    /** The organisation a page is about: a respondent's own, or the one an administrator or analyst named. */
    organisation: (user: User, ref?: OrganisationRef) => access.organisation(user, ref),

    /** Entries the user may see: a respondent's own organisation's, or all (or one organisation's) for central roles. */
    async list(user: User, ref?: OrganisationRef): Promise<EntryView[]> {
      const organisation = await access.organisation(user, ref)
      if (!organisation && !isCentralRole(user.role)) return []
      const [entries, organisations] = await Promise.all([
        repos.pipeline.list(organisation ? { organisationId: organisation.id } : {}),
        repos.organisations.list(),
      ])
      const byId = new Map(organisations.map(o => [o.id, o]))
      return entries.flatMap(e => {
        const owner = byId.get(e.organisationId)
        return owner ? [{ ...e, organisation: owner }] : []
      })
    },

    async get(user: User, id: number): Promise<EntryView> {
      const entry = Number.isSafeInteger(id) && id > 0 ? await repos.pipeline.findById(id) : undefined
      if (!entry || !access.mayRead(user, entry.organisationId)) throw new NotFoundError('There is no such entry')
      return located(entry)
    },

    mayWrite: (user: User, organisationId: number) => access.mayWrite(user, organisationId),

    /** The organisation this person may change the pipeline of; refused, or asked which, otherwise. */
    writable: (user: User, ref?: OrganisationRef) => access.writable(user, ref),

    async create(user: User, ref: OrganisationRef | undefined, raw: Record<string, unknown>): Promise<number> {
      const organisation = await access.writable(user, ref)
      const content = await checked(raw)
      return repos.database.transaction(trx => insertAudited(trx, user, organisation.id, content, 'created'))
    },

    /** Replaces an entry's content when `revision` is still current; returns the new revision. */
    async update(user: User, id: number, raw: Record<string, unknown>, rawRevision: unknown): Promise<number> {
      const revision = checkRevision(rawRevision)
      const context = await options.entryContext()
      return repos.database.transaction(async trx => {
        const current = await lockedForChange(user, id, trx)
        const result = checkEntry(raw, context)
        if (!result.value) throw new ValidationError(result.errors)
        await checkCurrent(current, revision, trx)
        const content = result.value
        if (JSON.stringify(content) === JSON.stringify(contentOf(current))) return current.revision
        const at = clock()
        const next = current.revision + 1
        await repos.pipeline.update(id, content, { revision: next, at, by: user.id }, trx)
        await repos.audit.record(
          {
            at,
            actorUserId: user.id,
            action: `${ENTITY}.updated`,
            entityType: ENTITY,
            entityId: id,
            before: audited(current),
            after: { organisationId: current.organisationId, ...content, revision: next },
          },
          trx,
        )
        return next
      })
    },

    async remove(user: User, id: number, rawRevision: unknown): Promise<EntryView> {
      const revision = checkRevision(rawRevision)
      return repos.database.transaction(async trx => {
        const current = await lockedForChange(user, id, trx)
        await checkCurrent(current, revision, trx)
        await repos.pipeline.remove(id, trx)
        await repos.audit.record(
          {
            at: clock(),
            actorUserId: user.id,
            action: `${ENTITY}.deleted`,
            entityType: ENTITY,
            entityId: id,
            before: audited(current),
          },
          trx,
        )
        return located(current, trx)
      })
    },

    /** Every row stored, or none: a file with any problem is refused whole, with all of them listed. */
    async importCsv(user: User, ref: OrganisationRef | undefined, bytes: Uint8Array) {
      const organisation = await access.writable(user, ref)
      const result = readImport(bytes, await options.entryContext())
      if (!result.entries) throw new ImportRejectedError(result.problems)
      const entries = result.entries
      await repos.database.transaction(async trx => {
        const at = clock()
        for (const content of entries) await insertAudited(trx, user, organisation.id, content, 'imported', at)
      })
      return { organisation, count: entries.length }
    },

    async priorities(user: User, ref?: OrganisationRef) {
      const organisation = await access.organisation(user, ref)
      if (!organisation) throw new ValidationError([{ field: 'organisation', message: 'Choose an organisation' }])
      const [areas, priorities] = await Promise.all([
        options.serviceAreas(),
        repos.pipeline.priorities(organisation.id),
      ])
      return {
        organisation,
        priorities: priorities.map(p => ({ ...p, title: areas.get(p.serviceArea) ?? p.serviceArea })),
      }
    },

    /** Replaces the organisation's ranked priorities with the service areas given, in rank order. */
    async replacePriorities(user: User, ref: OrganisationRef | undefined, raw: readonly unknown[]): Promise<string[]> {
      const organisation = await access.writable(user, ref)
      const result = checkPriorities(raw, await options.serviceAreas())
      if (!result.value) throw new ValidationError(result.errors)
      const chosen = result.value
      await repos.database.transaction(async trx => {
        await repos.pipeline.lockPriorities(organisation.id, trx)
        const before = await repos.pipeline.priorities(organisation.id, trx)
        const at = clock()
        const after = chosen.map((serviceArea, i) => ({ rank: i + 1, serviceArea, notes: null }))
        await repos.pipeline.replacePriorities(organisation.id, after, { at, by: user.id }, trx)
        await repos.audit.record(
          {
            at,
            actorUserId: user.id,
            action: 'service_priorities.replaced',
            entityType: 'service_priorities',
            entityId: organisation.id,
            before: before.map(p => p.serviceArea),
            after: chosen,
          },
          trx,
        )
      })
      return chosen
    },
  }
}

export type PipelineService = ReturnType<typeof pipelineService>
