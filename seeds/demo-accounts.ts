import type { AuthorityFacts } from '../src/domain/organisation'
import type { Role } from '../src/domain/roles'

export interface DemoAccount {
  email: string
  name: string
  role: Role
  organisationSlug: string | null
}

/** Synthetic sign-ins for trying the service out; never created in production. */
export function demoAccounts(authorities: readonly AuthorityFacts[]): DemoAccount[] {
  return [
    { email: 'admin@demo.local', name: 'Demo Administrator', role: 'admin', organisationSlug: null },
    { email: 'analyst@demo.local', name: 'Demo LOTI Analyst', role: 'analyst', organisationSlug: null },
    { email: 'assessor@demo.local', name: 'Demo Assessor', role: 'assessor', organisationSlug: null },
    // A second assessor, so calibration has two to compare.
    { email: 'second-assessor@demo.local', name: 'Demo Second Assessor', role: 'assessor', organisationSlug: null },
    ...authorities.map(a => ({
      email: `${a.slug}@demo.local`,
      name: `Demo respondent, ${a.name}`,
      role: 'respondent' as const,
      organisationSlug: a.slug,
    })),
  ]
}
