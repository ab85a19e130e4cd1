import type { ApiToken, TokenStatus } from '../../domain/api-token'
import { paths } from '../../paths'
import { TOKEN_STATUS_TAGS } from '../account/tokens.presenter'
import { dateTime } from '../../domain/format/dates'

export interface TokenRevokeView {
  backHref: string
  backText: string
  owner: string
  ownerName: string
  beginsWith: string
  created: string
  lastUsed: string
  expires: string
  status: string
  /** Only a token that still works can be revoked: otherwise the page says there is nothing to do. */
  revocable: boolean
  explanation: string
  warning: string
  action: string
}

/** The page that says what revoking someone's token does, before it is done. */
export function tokenRevokeView(
  owner: { id: number; name: string; email: string },
  token: ApiToken & { status: TokenStatus },
): TokenRevokeView {
  return {
    backHref: paths.admin.user(owner.id),
    backText: `Back to ${owner.name}`,
    owner: `${owner.name} (${owner.email})`,
    ownerName: owner.name,
    beginsWith: `${token.prefix}…`,
    created: dateTime(token.createdAt),
    lastUsed: token.lastUsedAt ? dateTime(token.lastUsedAt) : 'Never',
    expires: dateTime(token.expiresAt),
    status: TOKEN_STATUS_TAGS[token.status].text,
    revocable: token.status === 'active',
    explanation: `Any program using this token to call the API as ${owner.name} will be refused from the moment you revoke it. Their sessions in a browser are not affected.`,
    warning: `A revoked token cannot be undone or brought back. If a program still needs access, ${owner.name} makes a new token on Your account.`,
    action: paths.admin.userTokenRevoke(owner.id, token.id),
  }
}

/** The same page for one of your own tokens, from Your account. */
export function ownTokenRevokeView(
  user: { id: number; name: string; email: string },
  token: ApiToken & { status: TokenStatus },
): TokenRevokeView {
  return {
    ...tokenRevokeView(user, token),
    backHref: paths.account,
    backText: 'Back to your account',
    owner: 'Your account',
    explanation:
      'Any program using this token to call the API as you will be refused from the moment you revoke it. You stay signed in here.',
    warning: 'A revoked token cannot be undone or brought back. If a program still needs access, make a new token.',
    action: paths.accountTokenRevoke(token.id),
  }
}
