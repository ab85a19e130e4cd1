import { LONDON_AUTHORITIES, PIPELINE_CATEGORIES } from '../../../seeds/reference-data'
import { checkAuthorityFacts } from '../../domain/organisation'
import type { Repositories } from '../../data'

/** Reference facts every environment needs; safe to run at every start. */
export async function seedReferenceData(repos: Repositories): Promise<void> {
  const problems = checkAuthorityFacts(LONDON_AUTHORITIES)
  if (problems.length > 0) throw new Error(`Reference data is not valid:\n${problems.join('\n')}`)
  await repos.database.transaction(async trx => {
    await repos.organisations.upsertFacts(LONDON_AUTHORITIES, trx)
    await repos.pipeline.upsertCategories(PIPELINE_CATEGORIES, trx)
  })
}
