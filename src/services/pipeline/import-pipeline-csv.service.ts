import { readImport, type ImportProblem } from '../../domain/pipeline/csv-import'
import type { User } from '../../domain/user'
import type { OrganisationRef } from './pipeline-access'
import { insertAudited, type PipelineDeps } from './pipeline-entry-records'
import { plural } from '../../domain/format/plurals'

/** A CSV import refused as a whole, with every problem in it. */
export class ImportRejectedError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`The file has ${plural(problems.length, 'problem')}; nothing was imported`)
  }
}

/** Entries brought in from a CSV file: part of pipelineService. */
export function importPipelineCsv(deps: PipelineDeps) {
  const { repos, clock, access, options } = deps
  return {
    /** Every row stored, or none: a file with any problem is refused whole, with all of them listed. */
    async importCsv(user: User, ref: OrganisationRef | undefined, bytes: Uint8Array) {
      const organisation = await access.writable(user, ref)
      const result = readImport(bytes, await options.entryContext())
      if (!result.entries) throw new ImportRejectedError(result.problems)
      const entries = result.entries
      await repos.database.transaction(async trx => {
        const at = clock()
        for (const content of entries) await insertAudited(deps, trx, user, organisation.id, content, 'imported', at)
      })
      return { organisation, count: entries.length }
    },
  }
}
