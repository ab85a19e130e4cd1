import { accountView } from '../../../src/presenters/account/account.presenter'
import { tokenCreatedView, tokenRows } from '../../../src/presenters/account/tokens.presenter'

const token = {
  id: 4,
  userId: 1,
  name: 'Dashboard',
  prefix: 'ldm_abcd1234',
  createdAt: new Date('2026-01-15T09:00:00Z'),
  expiresAt: new Date('2026-07-15T09:00:00Z'),
  lastUsedAt: null,
  revokedAt: null,
  status: 'active' as const,
}

describe('tokenRows', () => {
  it('writes dates in London time, Never for a token not used, and links revoking', () => {
    const [row] = tokenRows([token], t => `/revoke/${t.id}`)
    expect(row).toMatchObject({
      name: 'Dashboard',
      beginsWith: 'ldm_abcd1234…',
      created: '15 Jan 2026, 09:00',
      lastUsed: 'Never',
      expires: '15 Jul 2026, 10:00',
      tag: { text: 'Active', classes: 'govuk-tag--green' },
      revocable: true,
      revokeHref: '/revoke/4',
    })
  })

  it('offers no revoking for a token that no longer works', () => {
    const [row] = tokenRows([{ ...token, status: 'revoked' }], () => '/x')
    expect(row?.revocable).toBe(false)
    expect(row?.tag).toEqual({ text: 'Revoked', classes: 'govuk-tag--red' })
  })
})

describe('tokenCreatedView', () => {
  it('says when the new token expires, in full', () => {
    expect(tokenCreatedView(token)).toEqual({
      name: 'Dashboard',
      beginsWith: 'ldm_abcd1234…',
      expires: '15 July 2026 at 10:00',
    })
  })
})

describe('accountView', () => {
  const input = {
    user: { name: 'Ada', email: 'ada@example.org', role: 'respondent' as const },
    organisation: { name: 'Hackney' },
    tokens: [token],
    expiresInDays: undefined,
    expiryChoices: [30, 90, 365],
    defaultExpiry: 90,
    nameMaxLength: 80,
  }

  it('names the role and organisation and revokes tokens from the account page', () => {
    const view = accountView(input)
    expect(view.role).toBe('Borough respondent')
    expect(view.organisation).toBe('Hackney')
    expect(view.tokens[0]?.revokeHref).toBe('/account/tokens/4/revoke')
    expect(view.nameHint).toContain('Up to 80 characters.')
  })

  it('chooses the default expiry until the form says otherwise', () => {
    expect(accountView(input).expiryValue).toBe(90)
    expect(accountView({ ...input, expiresInDays: '365' }).expiryValue).toBe(365)
    expect(accountView(input).expiryItems[0]).toEqual({ value: 30, text: '30 days' })
  })

  it('has no organisation line for a central role, and says when there are no tokens', () => {
    const view = accountView({ ...input, organisation: undefined, tokens: [] })
    expect(view.organisation).toBeNull()
    expect(view.hasTokens).toBe(false)
  })
})
