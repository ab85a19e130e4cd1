import { readEstateImport, type ImportProblem } from '../../domain/estate/csv-import'
import { plural } from '../../domain/format/plurals'
import type { User } from '../../domain/user'
import type { OrganisationRef } from './estate-access'
import { ENTITY, entryContext, type EstateDeps } from './estate-records'

/** A CSV import refused as a whole, with every problem in it. */
export class EstateImportRejectedError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`The file has ${plural(problems.length, 'problem')}; nothing was imported`)
  }
}

/** Systems brought in from a CSV file: part of estateService. */
export function importEstateCsv(deps: EstateDeps) {
  const { repos, clock, access } = deps
  return {
    /** Every row stored, or none: a file with any problem is refused whole, with all of them listed. */
    async importCsv(user: User, ref: OrganisationRef | undefined, bytes: Uint8Array) {
      const organisation = await access.writable(user, ref)
      const [context, suppliers] = await Promise.all([entryContext(repos), repos.catalogue.listSuppliers()])
      const result = readEstateImport(bytes, { ...context, suppliers })
      if (!result.entries) throw new EstateImportRejectedError(result.problems)
      const entries = result.entries
      await repos.database.transaction(async trx => {
        const at = clock()
        const ids = await repos.estate.insertMany(organisation.id, entries, { at, by: user.id }, trx)
        await repos.audit.recordMany(
          ids.map((id, i) => ({
            at,
            actorUserId: user.id,
            action: 'estate.imported',
            entityType: ENTITY,
            entityId: id,
            after: { organisationId: organisation.id, ...entries[i], revision: 1 },
          })),
          trx,
        )
      })
      return { organisation, count: entries.length }
    },
  }
}
