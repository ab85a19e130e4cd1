import { demoAccounts, type DemoAccount } from '../../seeds/demo-accounts'
import { questionnaireSeeds } from '../../seeds/questionnaires'
import { LONDON_AUTHORITIES } from '../../seeds/reference-data'
import { checkAuthorityFacts } from '../domain/organisation'
import type { Repositories } from '../data'
import { hashPassword } from './passwords'
import type { QuestionnaireService } from './questionnaire.service'

export function seedService(repos: Repositories, questionnaires: QuestionnaireService) {
  return {
    /** Reference facts every environment needs; safe to run at every start. */
    async seedReferenceData(): Promise<void> {
      const problems = checkAuthorityFacts(LONDON_AUTHORITIES)
      if (problems.length > 0) throw new Error(`Reference data is not valid:\n${problems.join('\n')}`)
      await repos.database.transaction(trx => repos.organisations.upsertFacts(LONDON_AUTHORITIES, trx))
    },

    /**
     * Publishes the questionnaires in seeds/data that the database does not have yet. A version already
     * there is left alone: once published it can never change, and the seed file must not pretend otherwise.
     */
    async seedQuestionnaires(): Promise<string[]> {
      const published: string[] = []
      for (const seed of questionnaireSeeds()) {
        const document = questionnaires.parse(seed.text) as { key: string; version: number }
        if (await repos.questionnaires.find(document.key, document.version)) continue
        await questionnaires.upload(document, null)
        await questionnaires.publish(document.key, document.version, null)
        published.push(`${document.key} v${document.version}`)
      }
      return published
    },

    /** Demo sign-ins, only into a database that has no users yet. Returns the accounts made. */
    async seedDemoAccounts(password: string): Promise<DemoAccount[]> {
      if ((await repos.users.count()) > 0) return []
      const accounts = demoAccounts(LONDON_AUTHORITIES)
      const organisations = new Map((await repos.organisations.list()).map(o => [o.slug, o.id]))
      const users = await Promise.all(
        accounts.map(async a => ({
          email: a.email,
          name: a.name,
          role: a.role,
          organisationId: a.organisationSlug === null ? null : (organisations.get(a.organisationSlug) ?? null),
          passwordHash: await hashPassword(password),
        })),
      )
      await repos.database.transaction(trx => repos.users.createMissing(users, trx))
      return accounts
    },
  }
}

export type SeedService = ReturnType<typeof seedService>
