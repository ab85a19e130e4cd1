import type { ApiToken, TokenStatus } from '../../domain/api-token'
import { ROLE_LABELS, type Role } from '../../domain/roles'
import { paths } from '../../paths'
import { tokenTable } from './tokens.presenter'
import type { SummaryListRow, Table } from '../govuk-params'
import { link } from '../html'

export interface AccountView {
  /** Name, email address, role and, for those who have one, organisation. */
  details: SummaryListRow[]
  hasTokens: boolean
  /** Each token, with a link to revoke it (after a check page) while it still works. */
  tokens: Table
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

const row = (key: string, value: string): SummaryListRow => ({ key: { text: key }, value: { text: value } })

/** Your account: your details, your tokens and the form that makes a new one. */
export function accountView(input: AccountInput): AccountView {
  const { user, organisation, tokens } = input
  return {
    details: [
      row('Name', user.name),
      row('Email address', user.email),
      row('Role', ROLE_LABELS[user.role]),
      // The central roles have no organisation.
      ...(organisation ? [row('Organisation', organisation.name)] : []),
    ],
    hasTokens: tokens.length > 0,
    tokens: tokenTable(tokens, t => link(paths.accountTokenRevoke(t.id), 'Revoke', t.name)),
    nameHint: `What it is for, so you can tell it apart later. Up to ${input.nameMaxLength} characters.`,
    expiryValue: Number(input.expiresInDays || input.defaultExpiry),
    expiryItems: input.expiryChoices.map(days => ({ value: days, text: `${days} days` })),
  }
}
