import type { ApiToken, TokenStatus } from '../../domain/api-token'
import { ROLE_LABELS, ROLES } from '../../domain/roles'
import type { User } from '../../domain/user'
import { paths } from '../../paths'
import { tokenTable } from '../account/tokens.presenter'
import type { Table } from '../govuk-params'
import { link } from '../html'

export interface UserTokensView {
  ownerName: string
  hasTokens: boolean
  regionLabel: string
  caption: string
  /** Each token, with a link to the page that revokes it while it still works. */
  table: Table
}

/** What an administrator can do to an existing account: never offered on their own. */
export interface UserAccessView {
  disabled: boolean
  enableAction: string
  /** Disabling signs them out and ends their tokens for good: a link to its check page. */
  disableHref: string
  hasPassword: boolean
  invitationAction: string
  invitationButton: string
}

export interface UserFormView {
  submitText: string
  roleItems: { value: string; text: string }[]
  organisationItems: { value: string; text: string }[]
  /** Null when inviting, or when the administrator is changing themselves. */
  access: UserAccessView | null
  /** Null when inviting. */
  tokens: UserTokensView | null
}

/** An owner's tokens, each revoked through a page that says what revoking does. */
export function userTokensView(
  owner: { id: number; name: string },
  tokens: readonly (ApiToken & { status: TokenStatus })[],
): UserTokensView {
  return {
    ownerName: owner.name,
    hasTokens: tokens.length > 0,
    regionLabel: `Personal access tokens of ${owner.name}`,
    caption: `Tokens of ${owner.name}`,
    table: tokenTable(tokens, t => link(paths.admin.userTokenRevoke(owner.id, t.id), 'Revoke', t.name)),
  }
}

function accessView(editing: User): UserAccessView {
  return {
    disabled: editing.disabled,
    enableAction: paths.admin.userEnable(editing.id),
    disableHref: paths.admin.userDisable(editing.id),
    hasPassword: editing.hasPassword,
    invitationAction: paths.admin.userInvitation(editing.id),
    invitationButton: editing.hasPassword ? 'Make a password reset link' : 'Make a new invitation link',
  }
}

interface UserFormInput {
  organisations: readonly { slug: string; name: string }[]
  /** The signed-in administrator. */
  currentUserId: number
  /** The user being changed, with their tokens; absent when inviting someone new. */
  editing?: { user: User; tokens: readonly (ApiToken & { status: TokenStatus })[] }
}

/** The form that invites a user or changes one, with what else can be done to their account. */
export function userFormView({ organisations, currentUserId, editing }: UserFormInput): UserFormView {
  return {
    submitText: editing ? 'Save changes' : 'Invite user',
    roleItems: ROLES.map(r => ({ value: r, text: ROLE_LABELS[r] })),
    organisationItems: [{ value: '', text: 'None' }, ...organisations.map(o => ({ value: o.slug, text: o.name }))],
    access: editing && editing.user.id !== currentUserId ? accessView(editing.user) : null,
    tokens: editing ? userTokensView(editing.user, editing.tokens) : null,
  }
}
