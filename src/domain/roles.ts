export const ROLES = ['respondent', 'assessor', 'analyst', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** The roles that see London as a whole, with named organisations. */
export const CENTRAL_ROLES: readonly Role[] = ['assessor', 'analyst', 'admin']
export const ALL_ROLES: readonly Role[] = ROLES

/** Who may use a route: 'public' needs no sign-in; anything else names exactly the roles that may. */
export type Access = 'public' | readonly Role[]

export const ROLE_LABELS: Record<Role, string> = {
  respondent: 'Borough respondent',
  assessor: 'Assessor',
  analyst: 'LOTI analyst',
  admin: 'Administrator',
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function isCentralRole(role: Role): boolean {
  return CENTRAL_ROLES.includes(role)
}
