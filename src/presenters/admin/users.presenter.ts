import { ROLE_LABELS, type Role } from '../../domain/roles'
import { paths } from '../../paths'
import type { Tag } from './rounds.presenter'
import { actionsHeader, rowHeader, type Table } from '../govuk-params'
import { joinHtml, link, secondaryLine, tag, text } from '../html'
import { plural } from '../../domain/format/plurals'

interface ListedUser {
  id: number
  name: string
  email: string
  role: Role
  disabled: boolean
  hasPassword: boolean
  organisation: { name: string } | undefined
}

export interface UsersView {
  newUserHref: string
  caption: string
  /** Each user, named with their email address beneath, and a link to change them. */
  table: Table
}

const HEAD: Table['head'] = [
  { text: 'Name and email' },
  { text: 'Role' },
  { text: 'Organisation' },
  { text: 'Status' },
  actionsHeader(),
]

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
    caption: plural(users.length, 'user'),
    table: {
      head: HEAD,
      rows: users.map(u => [
        rowHeader({ html: joinHtml([text(u.name), secondaryLine(u.email)]) }),
        { text: ROLE_LABELS[u.role] },
        { text: u.organisation ? u.organisation.name : '' },
        { html: tag(accessTag(u)) },
        { html: link(paths.admin.user(u.id), 'Change', u.name) },
      ]),
    },
  }
}
