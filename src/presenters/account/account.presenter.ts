import type { ApiToken, TokenStatus } from '../../domain/api-token'
import { ROLE_LABELS, type Role } from '../../domain/roles'
import { paths } from '../../paths'
import { tokenRows, type TokenRow } from './tokens.presenter'

export interface AccountView {
  name: string
  email: string
  role: string
  /** Their organisation's name; null for the central roles, who have none. */
  organisation: string | null
  hasTokens: boolean
  tokens: TokenRow[]
  nameHint: string
  expiryValue: number
  expiryItems: { value: number; text: string }[]
}

interface AccountInput {
  user: { name: string; email: string; role: Role }
  organisation: { name: string } | undefined | null
  tokens: readonly (ApiToken & { status: TokenStatus })[]
  /** The expiry chosen in the form sent, if any. */
  expiresInDays: string | undefined
  expiryChoices: readonly number[]
  defaultExpiry: number
  nameMaxLength: number
}

/** Your account: your details, your tokens and the form that makes a new one. */
export function accountView(input: AccountInput): AccountView {
  const { user, organisation, tokens } = input
  return {
    name: user.name,
    email: user.email,
    role: ROLE_LABELS[user.role],
    organisation: organisation ? organisation.name : null,
    hasTokens: tokens.length > 0,
    tokens: tokenRows(tokens, t => paths.accountTokenRevoke(t.id)),
    nameHint: `What it is for, so you can tell it apart later. Up to ${input.nameMaxLength} characters.`,
    expiryValue: Number(input.expiresInDays || input.defaultExpiry),
    expiryItems: input.expiryChoices.map(days => ({ value: days, text: `${days} days` })),
  }
}
