import type { EntryContent } from '../../src/domain/pipeline/entry'
import type { TestApp } from './test-app'

/** An entry with only what a test cares about said; the rest as a borough would leave it. */
export const plan = (categoryKey: string, more: Partial<EntryContent>): EntryContent => ({
  categoryKey,
  currentSystem: null,
  supplier: null,
  contractEnd: null,
  plannedStart: null,
  route: 'procure',
  valueBand: '1m-5m',
  status: 'planned',
  addresses: null,
  notes: null,
  shareable: false,
  ...more,
})

export async function plantEntry(t: TestApp, slug: string, content: EntryContent): Promise<number> {
  const organisation = await t.repos.organisations.findBySlug(slug)
  if (!organisation) throw new Error(`no organisation ${slug}`)
  return t.repos.pipeline.insert(organisation.id, content, { at: t.clock(), by: null })
}

/**
 * Plans planted by hand around the test clock's 27 November 2026 (the default window runs to 27 November
 * 2028), to go with planted-clusters' round:
 * - data platforms at Camden (shareable), Islington (by start date), Hackney (on the window's last day),
 *   Bexley, Westminster, Barnet and Croydon: seven authorities, six buyers (Camden and Islington share);
 * - none of these counts: Sutton's is cancelled, Bromley's ends a day after the window, Lambeth's has no
 *   dates, Southwark's is awarded (all four shareable, so a leak of their names would show);
 * - finance systems at Hackney, Haringey (shareable) and Enfield, whose supplier and notes look like formulas.
 */
export async function plantPipeline(t: TestApp): Promise<void> {
  const data = (more: Partial<EntryContent>) => plan('data-platform', more)
  await plantEntry(
    t,
    'camden',
    data({ contractEnd: '2027-03-31', currentSystem: 'Qlik', supplier: 'Acme Data', shareable: true }),
  )
  await plantEntry(t, 'islington', data({ plannedStart: '2027-06-01', route: 'share' }))
  await plantEntry(t, 'hackney', data({ contractEnd: '2028-11-27', valueBand: '500k-1m' }))
  await plantEntry(t, 'bexley', data({ contractEnd: '2027-09-30' }))
  await plantEntry(t, 'westminster', data({ contractEnd: '2028-01-31' }))
  await plantEntry(t, 'barnet', data({ contractEnd: '2027-12-31' }))
  await plantEntry(t, 'croydon', data({ contractEnd: '2027-05-31' }))
  await plantEntry(t, 'sutton', data({ contractEnd: '2027-06-30', status: 'cancelled', shareable: true }))
  await plantEntry(t, 'bromley', data({ contractEnd: '2028-11-28', shareable: true }))
  await plantEntry(t, 'lambeth', data({ shareable: true }))
  await plantEntry(t, 'southwark', data({ contractEnd: '2027-06-30', status: 'awarded', shareable: true }))

  const finance = (more: Partial<EntryContent>) => plan('finance-erp', more)
  await plantEntry(t, 'hackney', finance({ contractEnd: '2027-03-31', currentSystem: 'Agresso', supplier: 'Unit4' }))
  await plantEntry(t, 'haringey', finance({ contractEnd: '2027-04-30', shareable: true }))
  await plantEntry(
    t,
    'enfield',
    finance({ contractEnd: '2027-02-28', supplier: '=cmd|/c calc!A1', notes: '@SUM(1+1)' }),
  )
}
