import type { TestApp } from './test-app'

/** A round on the London questionnaire, open on the test clock's date (27 November 2026) unless told otherwise. */
export async function createRound(
  t: TestApp,
  options: { name?: string; version?: number; opensOn?: string; closesOn?: string; organisations?: string[] } = {},
): Promise<number> {
  return t.services.rounds.create(
    {
      name: options.name ?? `Round ${Math.random().toString(36).slice(2, 8)}`,
      questionnaire: { key: 'london-digital-maturity', version: options.version ?? 2 },
      opensOn: options.opensOn ?? '2026-11-01',
      closesOn: options.closesOn ?? '2027-01-31',
      organisations: options.organisations,
    },
    null,
  )
}

export async function assessmentOf(t: TestApp, roundId: number, slug: string): Promise<number> {
  const organisation = await t.repos.organisations.findBySlug(slug)
  const [assessment] = await t.repos.assessments.list({ roundId, organisationId: organisation?.id })
  if (!assessment) throw new Error(`no assessment for ${slug} in round ${roundId}`)
  return assessment.id
}
