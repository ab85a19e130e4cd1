import type { FieldError } from './errors'

/** Marks a secret as ours, so a leaked one is recognisable to a secret scanner and to its owner. */
export const TOKEN_PREFIX = 'ldm_'
/** 32 random bytes in base64url: 256 bits, too many to guess, so a fast hash is enough to store. */
export const TOKEN_SECRET_LENGTH = 43
/** The part of a token kept in the clear and shown in the list, so a person can tell theirs apart. */
export const VISIBLE_LENGTH = TOKEN_PREFIX.length + 8
export const TOKEN_NAME_MAX_LENGTH = 100
export const EXPIRY_CHOICES = [30, 90, 365] as const
export const DEFAULT_EXPIRY_DAYS = 90

const TOKEN_PATTERN = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{${TOKEN_SECRET_LENGTH}}$`)

export interface ApiToken {
  id: number
  userId: number
  name: string
  /** `ldm_` and the first 8 characters of the secret. */
  prefix: string
  createdAt: Date
  expiresAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

export type TokenStatus = 'active' | 'expired' | 'revoked'

export interface TokenInput {
  name: string
  expiresInDays: number
}

/** Only a string shaped like one of ours is worth a database query. */
export function looksLikeToken(candidate: string): boolean {
  return TOKEN_PATTERN.test(candidate)
}

export function tokenStatus(token: ApiToken, now: Date): TokenStatus {
  if (token.revokedAt) return 'revoked'
  return token.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active'
}

export function checkTokenInput(raw: { name?: unknown; expiresInDays?: unknown }): {
  value?: TokenInput
  errors: FieldError[]
} {
  const errors: FieldError[] = []
  const name = typeof raw.name === 'string' ? raw.name.trim() : ''
  if (name === '') errors.push({ field: 'name', message: 'Enter a name for the token, like “Power BI refresh”' })
  else if (name.length > TOKEN_NAME_MAX_LENGTH) {
    errors.push({ field: 'name', message: `Name must be ${TOKEN_NAME_MAX_LENGTH} characters or fewer` })
  }
  const days =
    raw.expiresInDays === undefined || raw.expiresInDays === '' ? DEFAULT_EXPIRY_DAYS : Number(raw.expiresInDays)
  if (!(EXPIRY_CHOICES as readonly number[]).includes(days)) {
    errors.push({ field: 'expiresInDays', message: `Select when the token expires: ${EXPIRY_CHOICES.join(', ')} days` })
  }
  return errors.length > 0 ? { errors } : { value: { name, expiresInDays: days }, errors }
}
