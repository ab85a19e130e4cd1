import type { ApiToken, TokenStatus } from '../../domain/api-token'
import { dateTime, shortDateTime } from '../../domain/format/dates'
import type { Tag } from '../admin/rounds.presenter'
import { actionsHeader, rowHeader, type Table } from '../govuk-params'
import { code, type Html, tag } from '../html'

type Token = ApiToken & { status: TokenStatus }

export const TOKEN_STATUS_TAGS: Record<TokenStatus, Tag> = {
  active: { text: 'Active', classes: 'govuk-tag--green' },
  expired: { text: 'Expired', classes: 'govuk-tag--grey' },
  revoked: { text: 'Revoked', classes: 'govuk-tag--red' },
}

const HEAD: Table['head'] = [
  { text: 'Name' },
  { text: 'Begins with' },
  { text: 'Created' },
  { text: 'Last used' },
  { text: 'Expires' },
  { text: 'Status' },
  actionsHeader(),
]

/**
 * Tokens as a table, named by their names, with the first characters kept and an ellipsis for the rest.
 * Only a token that still works can be revoked: `revoke` gives its last cell, a link or a button.
 */
export function tokenTable(tokens: readonly Token[], revoke: (token: Token) => Html): Table {
  return {
    head: HEAD,
    rows: tokens.map(t => [
      rowHeader({ text: t.name }),
      { html: code(`${t.prefix}…`) },
      { text: shortDateTime(t.createdAt) },
      { text: t.lastUsedAt ? shortDateTime(t.lastUsedAt) : 'Never' },
      { text: shortDateTime(t.expiresAt) },
      { html: tag(TOKEN_STATUS_TAGS[t.status]) },
      t.status === 'active' ? { html: revoke(t) } : { text: '' },
    ]),
  }
}

export interface TokenCreatedView {
  name: string
  beginsWith: string
  expires: string
}

/** The page that shows a new token's secret once: the secret itself is passed as it is. */
export function tokenCreatedView(token: ApiToken): TokenCreatedView {
  return { name: token.name, beginsWith: `${token.prefix}…`, expires: dateTime(token.expiresAt) }
}
