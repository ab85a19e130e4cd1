import type { FieldError } from './errors'
import { isRole, ROLE_LABELS, type Role } from './roles'

export interface User {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number | null
  disabled: boolean
  hasPassword: boolean
  lastSignedInAt: Date | null
}

export interface UserInput {
  email: string
  name: string
  role: Role
  organisationId: number | null
}

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256

// Deliberately simple: one @, something either side, a dot in the domain. Delivery is the real check.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export function checkEmail(raw: unknown, field = 'email'): FieldError | undefined {
  const email = typeof raw === 'string' ? normaliseEmail(raw) : ''
  if (email === '') return { field, message: 'Enter an email address' }
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
    return { field, message: 'Enter an email address in the correct format, like name@council.gov.uk' }
  }
  return undefined
}

/** Checks what an admin typed about a user; organisation ids are resolved by the caller. */
export function checkUserInput(raw: {
  email?: unknown
  name?: unknown
  role?: unknown
  organisationId?: number | null
}): { value?: UserInput; errors: FieldError[] } {
  const errors: FieldError[] = []
  const emailError = checkEmail(raw.email)
  if (emailError) errors.push(emailError)
  const name = typeof raw.name === 'string' ? raw.name.trim() : ''
  if (name === '') errors.push({ field: 'name', message: 'Enter the person’s full name' })
  else if (name.length > 120) errors.push({ field: 'name', message: 'Full name must be 120 characters or fewer' })
  if (!isRole(raw.role)) {
    errors.push({ field: 'role', message: `Select a role: ${Object.values(ROLE_LABELS).join(', ')}` })
  }
  const organisationId = raw.organisationId ?? null
  if (raw.role === 'respondent' && organisationId === null) {
    errors.push({ field: 'organisation', message: 'Select the organisation this respondent belongs to' })
  }
  if (errors.length > 0 || !isRole(raw.role)) return { errors }
  return {
    value: { email: normaliseEmail(raw.email as string), name, role: raw.role, organisationId },
    errors,
  }
}

export function checkNewPassword(password: unknown, confirmation: unknown, email: string): FieldError[] {
  if (typeof password !== 'string' || password === '') return [{ field: 'password', message: 'Enter a password' }]
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ field: 'password', message: `Password must be ${PASSWORD_MIN_LENGTH} characters or more` }]
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ field: 'password', message: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer` }]
  }
  const localPart = email.split('@')[0] ?? ''
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return [{ field: 'password', message: 'Password must not contain your email address' }]
  }
  if (password !== confirmation) return [{ field: 'confirmPassword', message: 'Passwords do not match' }]
  return []
}
