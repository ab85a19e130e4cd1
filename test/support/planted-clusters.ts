import type { Question } from '../../src/domain/questionnaire/definition'
import { fillAssessment, recordModerations } from './results'
import { assessmentOf, createRound } from './rounds'
import type { TestApp } from './test-app'

/**
 * A round of all 33 with clusters planted by hand, for the clusters page, brief and API:
 * - six weak on Data (Camden, Hackney, Sutton at level 1; Bexley, Bromley, Islington at level 2), so two
 *   neighbouring groups (Camden–Islington–Hackney; Bexley–Bromley) and Sutton alone;
 * - Camden and Islington share a service, so the six are five buyers;
 * - Croydon (next to Bromley and Sutton) rated itself 2 on Data, moderated to 3: weak on `self` only;
 * - four strong at level 4, Harrow with no Services score (so no profile), Barnet and Ealing not handed in;
 * - everyone else at level 3.
 */
export const WEAK_ON_DATA: Record<string, number> = {
  camden: 1,
  hackney: 1,
  sutton: 1,
  bexley: 2,
  bromley: 2,
  islington: 2,
}
export const STRONG = ['city-of-london', 'kensington-and-chelsea', 'wandsworth', 'westminster']
export const NOT_HANDED_IN = ['barnet', 'ealing']
export const PARTNERSHIP = 'North London digital partnership'

const inDimension = (q: Question, key: string) => q.key.startsWith(`${key}.`)

export async function plantClusters(t: TestApp): Promise<{ roundId: number; partnershipId: number }> {
  const roundId = await createRound(t, { name: 'London 2026' })
  const organisations = await t.repos.organisations.list()
  const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const dataKeys = definition.dimensions
    .find(d => d.key === 'data')!
    .themes.flatMap(th => th.questions.filter(q => q.type === 'maturity').map(q => q.key))
  for (const { slug } of organisations) {
    if (NOT_HANDED_IN.includes(slug)) continue
    const id = await assessmentOf(t, roundId, slug)
    const base = STRONG.includes(slug) ? 4 : 3
    const data = WEAK_ON_DATA[slug] ?? (slug === 'croydon' ? 2 : base)
    await fillAssessment(t, id, q => {
      if (slug === 'harrow' && inDimension(q, 'services')) return null
      return inDimension(q, 'data') ? data : base
    })
  }
  const assessor = await t.createUser('assessor')
  await recordModerations(
    t,
    await assessmentOf(t, roundId, 'croydon'),
    assessor.id,
    Object.fromEntries(dataKeys.map(key => [key, { level: 3, rationale: 'Evidence shows a council-wide approach' }])),
  )
  const admin = await t.createUser('admin')
  const partnershipId = await t.services.partnerships.create(
    { name: PARTNERSHIP, description: 'A shared digital service', members: ['camden', 'islington'] },
    admin.id,
  )
  return { roundId, partnershipId }
}
