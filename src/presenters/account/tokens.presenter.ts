import type { ApiToken, TokenStatus } from '../../domain/api-token'
import { longDateTime, mediumDateTime } from '../admin/dates'
import type { Tag } from '../admin/rounds.presenter'

type Token = ApiToken & { status: TokenStatus }

export const TOKEN_STATUS_TAGS: Record<TokenStatus, Tag> = {
  active: { text: 'Active', classes: 'govuk-tag--green' },
  expired: { text: 'Expired', classes: 'govuk-tag--grey' },
  revoked: { text: 'Revoked', classes: 'govuk-tag--red' },
}

export interface TokenRow {
  id: number
  name: string
  /** The first characters kept, and an ellipsis for the rest. */
  beginsWith: string
  created: string
  lastUsed: string
  expires: string
  tag: Tag
  /** Only a token that still works can be revoked. */
  revocable: boolean
  revokeHref: string
}

/** Tokens as table rows; `revokeHref` says where revoking each one goes. */
export function tokenRows(tokens: readonly Token[], revokeHref: (token: Token) => string): TokenRow[] {
  return tokens.map(t => ({
    id: t.id,
    name: t.name,
    beginsWith: `${t.prefix}…`,
    created: mediumDateTime(t.createdAt),
    lastUsed: mediumDateTime(t.lastUsedAt),
    expires: mediumDateTime(t.expiresAt),
    tag: TOKEN_STATUS_TAGS[t.status],
    revocable: t.status === 'active',
    revokeHref: revokeHref(t),
  }))
}

export interface TokenCreatedView {
  name: string
  beginsWith: string
  expires: string
}

/** The page that shows a new token's secret once: the secret itself is passed as it is. */
export function tokenCreatedView(token: ApiToken): TokenCreatedView {
  return { name: token.name, beginsWith: `${token.prefix}…`, expires: longDateTime(token.expiresAt) }
}
