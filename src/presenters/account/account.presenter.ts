import type { ApiToken, TokenStatus } from '../../domain/api-token'
import { ROLE_LABELS, type Role } from '../../domain/roles'
import { paths } from '../../paths'
import { tokenTable } from './tokens.presenter'
import type { SummaryListRow, Table } from '../govuk-params'
import { postForm } from '../html'

export interface AccountView {
  /** Name, email address, role and, for those who have one, organisation. */
  details: SummaryListRow[]
  hasTokens: boolean
  /** Each token, with a button that revokes it at once while it still works. */
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
  /** The session's CSRF token, for the form in each token's row. */
  csrfToken: string
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
    tokens: tokenTable(tokens, t =>
      postForm(paths.accountTokenRevoke(t.id), input.csrfToken, {
        text: 'Revoke',
        hidden: t.name,
        classes: 'govuk-button--warning govuk-!-margin-bottom-0',
      }),
    ),
    nameHint: `What it is for, so you can tell it apart later. Up to ${input.nameMaxLength} characters.`,
    expiryValue: Number(input.expiresInDays || input.defaultExpiry),
    expiryItems: input.expiryChoices.map(days => ({ value: days, text: `${days} days` })),
  }
}
