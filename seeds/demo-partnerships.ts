/**
 * Shared-service partnerships for the demo, modelled on the kinds London has (a shared technology service
 * of three boroughs, a bi-borough, two-borough shared back offices). The memberships are chosen for the
 * demo, not copied from any agreement, and every description says so. Partners that plan the same
 * purchase count once as buyers: brent and lewisham both renew finance systems, havering and newham both
 * plan data platforms.
 */
export const DEMO_PARTNERSHIP_NOTE = 'Demo data: a synthetic partnership, not a record of a real agreement.'

export interface DemoPartnership {
  name: string
  description: string
  memberSlugs: string[]
}

export const DEMO_PARTNERSHIPS: DemoPartnership[] = [
  {
    name: 'Shared technology service (demo)',
    description: `One technology service run for three boroughs. ${DEMO_PARTNERSHIP_NOTE}`,
    memberSlugs: ['brent', 'lewisham', 'southwark'],
  },
  {
    name: 'Bi-borough (demo)',
    description: `Two boroughs sharing senior management and most services. ${DEMO_PARTNERSHIP_NOTE}`,
    memberSlugs: ['kensington-and-chelsea', 'westminster'],
  },
  {
    name: 'East London shared back office (demo)',
    description: `Finance, HR and transactional services run together. ${DEMO_PARTNERSHIP_NOTE}`,
    memberSlugs: ['havering', 'newham'],
  },
  {
    name: 'South-west London shared staffing (demo)',
    description: `One staff serving two councils. ${DEMO_PARTNERSHIP_NOTE}`,
    memberSlugs: ['richmond-upon-thames', 'wandsworth'],
  },
]
