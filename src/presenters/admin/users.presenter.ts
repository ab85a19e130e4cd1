import { ROLE_LABELS, type Role } from '../../domain/roles'
import { paths } from '../../paths'
import type { Tag } from './rounds.presenter'

interface ListedUser {
  id: number
  name: string
  email: string
  role: Role
  disabled: boolean
  hasPassword: boolean
  organisation: { name: string } | undefined
}

export interface UserRow {
  name: string
  email: string
  role: string
  organisation: string
  tag: Tag
  href: string
}

export interface UsersView {
  newUserHref: string
  caption: string
  rows: UserRow[]
}

/** Whether they can sign in: disabled, invited but with no password yet, or active. */
function accessTag(user: ListedUser): Tag {
  if (user.disabled) return { text: 'Disabled', classes: 'govuk-tag--grey' }
  if (!user.hasPassword) return { text: 'Invited', classes: 'govuk-tag--yellow' }
  return { text: 'Active', classes: 'govuk-tag--green' }
}

/** Every user, with their role, organisation and whether they can sign in. */
export function usersView(users: readonly ListedUser[]): UsersView {
  return {
    newUserHref: paths.admin.newUser,
    caption: `${users.length} users`,
    rows: users.map(u => ({
      name: u.name,
      email: u.email,
      role: ROLE_LABELS[u.role],
      organisation: u.organisation ? u.organisation.name : '',
      tag: accessTag(u),
      href: paths.admin.user(u.id),
    })),
  }
}
