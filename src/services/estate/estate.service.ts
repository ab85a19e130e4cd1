import { NotFoundError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { deleteEstateEntry } from './delete-estate-entry.service'
import { estateAccess, type OrganisationRef } from './estate-access'
import { located, locatedOne, type EstateDeps, type EstateEntryView } from './estate-records'
import { importEstateCsv } from './import-estate-csv.service'
import { saveEstateEntry } from './save-estate-entry.service'

export { contentOf, EstateConflictError, type EstateEntryView } from './estate-records'
export { EstateImportRejectedError } from './import-estate-csv.service'
export type { OrganisationRef } from './estate-access'

/**
 * Each authority's register of the systems it runs: reading it here; adding, changing, deleting and
 * importing each in a file of its own, composed into this one service.
 */
export function estateService(repos: Repositories, clock: Clock) {
  const access = estateAccess(repos)
  const deps: EstateDeps = { repos, clock, access }

  return {
    /**
     * What the caller may see: one authority's entries when one is named (another authority's only where
     * marked shareable, for respondents), else a respondent's own or, for central roles, all of London's.
     */
    async list(user: User, ref?: OrganisationRef): Promise<EstateEntryView[]> {
      const organisation = await access.readable(user, ref)
      const entries = await repos.estate.list(organisation ? { organisationId: organisation.id } : {})
      return located(
        deps,
        user,
        entries.filter(e => access.mayRead(user, e)),
      )
    },

    async get(user: User, id: number): Promise<EstateEntryView> {
      const entry = Number.isSafeInteger(id) && id > 0 ? await repos.estate.findById(id) : undefined
      if (!entry || !access.mayRead(user, entry)) throw new NotFoundError('There is no such system')
      return locatedOne(deps, user, entry)
    },

    /** One authority by the slug in an address, for central roles' pages. */
    async organisation(user: User, slug: string): Promise<Organisation> {
      if (!isCentralRole(user.role)) throw new NotFoundError('There is no authority at this address')
      return access.find({ slug })
    },

    /** Every authority with how many systems it has recorded: the central roles' index. */
    async counts(): Promise<{ organisation: Organisation; count: number }[]> {
      const [organisations, entries] = await Promise.all([repos.organisations.list(), repos.estate.list()])
      const counts = new Map<number, number>()
      for (const e of entries) counts.set(e.organisationId, (counts.get(e.organisationId) ?? 0) + 1)
      return organisations.map(organisation => ({ organisation, count: counts.get(organisation.id) ?? 0 }))
    },

    /** The lists the form chooses from: the shared categories and the products that may be chosen. */
    async options() {
      const [categories, products] = await Promise.all([
        repos.pipeline.categories(),
        repos.catalogue.listProducts({ statuses: ['approved', 'proposed'] }),
      ])
      return { categories, products }
    },

    /** The published standards a system can be rated against. */
    publishedStandards: () => repos.standards.list({ statuses: ['published'] }),

    /** How the entry measures up to each standard it has been rated against. */
    async ratingSummaries(entryId: number) {
      return (await repos.estateRatings.summariesForEntries([entryId])).get(entryId) ?? []
    },

    /** The same for every entry of a register, by entry id. */
    ratingSummariesFor: (entryIds: readonly number[]) => repos.estateRatings.summariesForEntries(entryIds),

    mayWrite: (user: User, organisationId: number) => access.mayWrite(user, organisationId),

    /** The authority this person may change the register of; refused, or asked which, otherwise. */
    writable: (user: User, ref?: OrganisationRef) => access.writable(user, ref),

    ...saveEstateEntry(deps),
    ...deleteEstateEntry(deps),
    ...importEstateCsv(deps),
  }
}

export type EstateService = ReturnType<typeof estateService>
