import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import { checkEstateEntry, type EstateEntryContext } from '../../domain/estate/entry'
import type { EstateContent, EstateEntry, Product } from '../../domain/estate/estate'
import type { Organisation } from '../../domain/organisation'
import type { PipelineCategory } from '../../domain/pipeline/entry'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'
import type { Clock } from '../clock'
import type { estateAccess } from './estate-access'

/** What each estate use case is built from (see estateService). */
export interface EstateDeps {
  repos: Repositories
  clock: Clock
  access: ReturnType<typeof estateAccess>
}

/** An entry with what it names, as every use case hands it back. */
export interface EstateEntryView extends EstateEntry {
  organisation: Organisation
  product: Product
  categoryName: string
  /** True when the reader sees another authority's shared entry: its notes are withheld (null here). */
  limited: boolean
}

/** A save or delete based on a stale revision: the caller is shown what is there now. */
export class EstateConflictError extends ConflictError {
  constructor(readonly current: EstateEntryView) {
    super('Someone else changed this system since you loaded it')
  }
}

export const ENTITY = 'estate-entry'

export const contentOf = (e: EstateContent): EstateContent => ({
  categoryKey: e.categoryKey,
  productId: e.productId,
  hosting: e.hosting,
  contractEnd: e.contractEnd,
  costBand: e.costBand,
  shareable: e.shareable,
  notes: e.notes,
})

/** An entry as its audit events record it. */
export const audited = (e: EstateEntry) => ({ organisationId: e.organisationId, ...contentOf(e), revision: e.revision })

export function checkRevision(raw: unknown): number {
  const revision = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw
  if (typeof revision === 'number' && Number.isSafeInteger(revision) && revision > 0) return revision
  throw new ValidationError([
    { field: 'revision', message: 'Send the revision the change is based on: the whole number you were given' },
  ])
}

/** The shared categories and the whole catalogue, merged products included, as entries are checked against. */
export async function entryContext(repos: Repositories, db?: Transaction): Promise<EstateEntryContext> {
  const [categories, products] = await Promise.all([
    repos.pipeline.categories(db),
    repos.catalogue.listProducts({ statuses: ['proposed', 'approved', 'merged'] }, db),
  ])
  return { categories, products }
}

export function checked(raw: Record<string, unknown>, context: EstateEntryContext): EstateContent {
  const result = checkEstateEntry(raw, context)
  if (!result.value) throw new ValidationError(result.errors)
  return result.value
}

/** Entries with their organisation, product and category, notes withheld where the reader may not see them. */
export async function located(
  { repos, access }: EstateDeps,
  user: User,
  entries: readonly EstateEntry[],
  db?: Transaction,
): Promise<EstateEntryView[]> {
  const [organisations, products, categories]: [Organisation[], Product[], PipelineCategory[]] = await Promise.all([
    repos.organisations.list(db),
    repos.catalogue.listProducts({ statuses: ['proposed', 'approved', 'merged'] }, db),
    repos.pipeline.categories(db),
  ])
  const organisationById = new Map(organisations.map(o => [o.id, o]))
  const productById = new Map(products.map(p => [p.id, p]))
  const names = new Map(categories.map(c => [c.key, c.name]))
  return entries.flatMap(e => {
    const organisation = organisationById.get(e.organisationId)
    const product = productById.get(e.productId)
    if (!organisation || !product) return []
    const limited = !access.mayReadAll(user, e.organisationId)
    return [
      {
        ...e,
        notes: limited ? null : e.notes,
        organisation,
        product,
        categoryName: names.get(e.categoryKey) ?? e.categoryKey,
        limited,
      },
    ]
  })
}

export async function locatedOne(deps: EstateDeps, user: User, entry: EstateEntry, db?: Transaction) {
  const [view] = await located(deps, user, [entry], db)
  if (!view) throw new Error(`estate entry ${entry.id} has lost its organisation or product`)
  return view
}

/** The entry locked for a change, or NotFound when it is not there or not this person's to see. */
export async function lockedForChange({ repos, access }: EstateDeps, user: User, id: number, trx: Transaction) {
  const entry = Number.isSafeInteger(id) && id > 0 ? await repos.estate.lock(id, trx) : undefined
  if (!entry || !access.mayRead(user, entry)) throw new NotFoundError('There is no such system')
  if (!access.mayWrite(user, entry.organisationId))
    throw new ForbiddenError('Only the authority’s respondents and administrators can change its register')
  return entry
}

/** Refuses a change based on an older revision, showing what is there now. */
export async function checkCurrent(
  deps: EstateDeps,
  user: User,
  current: EstateEntry,
  revision: number,
  trx: Transaction,
) {
  if (current.revision !== revision) throw new EstateConflictError(await locatedOne(deps, user, current, trx))
}
