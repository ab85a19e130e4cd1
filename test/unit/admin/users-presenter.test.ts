import { invitationView } from '../../../src/presenters/admin/invitation.presenter'
import { tokenRevokeView } from '../../../src/presenters/admin/token-revoke.presenter'
import { userFormView } from '../../../src/presenters/admin/user-form.presenter'
import { usersView } from '../../../src/presenters/admin/users.presenter'
import { hrefIn, isCode, shown, spoken, tagIn } from './cells'

const ada = {
  id: 2,
  email: 'ada@example.org',
  name: 'Ada',
  role: 'assessor' as const,
  organisationId: null,
  disabled: false,
  hasPassword: true,
  lastSignedInAt: null,
}

const token = {
  id: 9,
  userId: 2,
  name: 'Script',
  prefix: 'ldm_12345678',
  createdAt: new Date('2026-01-15T09:00:00Z'),
  expiresAt: new Date('2026-02-15T09:00:00Z'),
  lastUsedAt: null,
  revokedAt: null,
  status: 'active' as const,
}

describe('usersView', () => {
  it('tags each user by whether they can sign in', () => {
    const view = usersView([
      { ...ada, organisation: undefined },
      { ...ada, id: 3, hasPassword: false, organisation: { name: 'Camden' } },
      { ...ada, id: 4, disabled: true, organisation: undefined },
    ])
    expect(view.caption).toBe('3 users')
    expect(view.table.head.map(shown)).toEqual(['Name and email', 'Role', 'Organisation', 'Status', ''])
    expect(view.table.head.map(spoken)).toContain('Actions')
    expect(view.table.rows.map(r => tagIn(r[3]))).toEqual([
      { text: 'Active', classes: 'govuk-tag--green' },
      { text: 'Invited', classes: 'govuk-tag--yellow' },
      { text: 'Disabled', classes: 'govuk-tag--grey' },
    ])
    const camden = view.table.rows[1]!
    expect(camden.map(shown)).toEqual(['Ada\nada@example.org', 'Assessor', 'Camden', 'Invited', 'Change'])
    expect(camden[0]).toMatchObject({ header: true, classes: 'app-table__row-header' })
    expect(hrefIn(camden[4])).toBe('/admin/users/3')
    expect(spoken(camden[4])).toBe('Change Ada')
    expect(shown(view.table.rows[0]?.[2])).toBe('')
  })

  it('escapes what a user wrote, and shows the email address in the secondary style', () => {
    const [row] = usersView([{ ...ada, name: '<b>Ada</b>', organisation: undefined }]).table.rows
    expect(row?.[0]).toEqual({
      html: '&lt;b&gt;Ada&lt;/b&gt;<br><span class="govuk-body-s app-secondary-text">ada@example.org</span>',
      header: true,
      classes: 'app-table__row-header',
    })
    expect(isCode(row?.[0])).toBe(false)
  })
})

describe('userFormView', () => {
  const organisations = [{ slug: 'hackney', name: 'Hackney' }]

  it('invites with no account actions and a None organisation first', () => {
    const view = userFormView({ organisations, currentUserId: 1 })
    expect(view.submitText).toBe('Invite user')
    expect(view.access).toBeNull()
    expect(view.tokens).toBeNull()
    expect(view.organisationItems).toEqual([
      { value: '', text: 'None' },
      { value: 'hackney', text: 'Hackney' },
    ])
    expect(view.roleItems.map(r => r.text)).toContain('LOTI analyst')
  })

  it('offers a password reset to someone with a password, and lists their tokens', () => {
    const view = userFormView({ organisations, currentUserId: 1, editing: { user: ada, tokens: [token] } })
    expect(view.submitText).toBe('Save changes')
    expect(view.access?.invitationButton).toBe('Make a password reset link')
    expect(view.access?.disableHref).toBe('/admin/users/2/disable')
    const row = view.tokens?.table.rows[0]
    expect(row?.map(shown)).toEqual([
      'Script',
      'ldm_12345678…',
      '15 Jan 2026 at 9am',
      'Never',
      '15 Feb 2026 at 9am',
      'Active',
      'Revoke',
    ])
    expect(isCode(row?.[1])).toBe(true)
    expect(hrefIn(row?.[6])).toBe('/admin/users/2/tokens/9/revoke')
    expect(spoken(row?.[6])).toBe('Revoke Script')
    expect(view.tokens?.regionLabel).toBe('Personal access tokens of Ada')
  })

  it('offers no revoking of a token that no longer works', () => {
    const editing = { user: ada, tokens: [{ ...token, status: 'expired' as const }] }
    const row = userFormView({ organisations, currentUserId: 1, editing }).tokens?.table.rows[0]
    expect(tagIn(row?.[5])).toEqual({ text: 'Expired', classes: 'govuk-tag--grey' })
    expect(row?.[6]).toEqual({ text: '' })
  })

  it('never offers administrators actions on their own account', () => {
    expect(userFormView({ organisations, currentUserId: 2, editing: { user: ada, tokens: [] } }).access).toBeNull()
  })
})

describe('tokenRevokeView', () => {
  it('names the owner, and goes back to their page', () => {
    const view = tokenRevokeView(ada, token)
    expect(view.owner).toBe('Ada (ada@example.org)')
    expect(view.backHref).toBe('/admin/users/2')
    expect(view.revocable).toBe(true)
    expect(view.status).toBe('Active')
    expect(view.action).toBe('/admin/users/2/tokens/9/revoke')
  })

  it('has nothing to revoke once expired', () => {
    const view = tokenRevokeView(ada, { ...token, status: 'expired' })
    expect(view.revocable).toBe(false)
    expect(view.status).toBe('Expired')
  })
})

describe('invitationView', () => {
  it('says until when the link works, in London time', () => {
    expect(invitationView(ada, new Date('2026-06-01T08:00:00Z'))).toEqual({
      invitee: 'Ada (ada@example.org)',
      expires: '1 June 2026 at 9am',
      hasPassword: true,
    })
  })
})
