import { demoAccounts, type DemoAccount } from '../../../seeds/demo-accounts'
import { LONDON_AUTHORITIES } from '../../../seeds/reference-data'
import type { Repositories } from '../../data'
import { hashPassword } from '../account/passwords'

/** Demo sign-ins, only into a database that has no users yet. Returns the accounts made. */
export async function seedDemoAccounts(repos: Repositories, password: string): Promise<DemoAccount[]> {
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
}
