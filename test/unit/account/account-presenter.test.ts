import { accountView } from '../../../src/presenters/account/account.presenter'
import { tokenCreatedView, tokenTable } from '../../../src/presenters/account/tokens.presenter'
import { hrefIn, isCode, shown, spoken, tagIn } from '../admin/cells'
import { link } from '../../../src/presenters/html'

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

describe('tokenTable', () => {
  it('writes dates in London time, Never for a token not used, and revokes as it is told', () => {
    const table = tokenTable([token], t => link(`/revoke/${t.id}`, 'Revoke', t.name))
    expect(table.head.map(spoken)).toEqual([
      'Name',
      'Begins with',
      'Created',
      'Last used',
      'Expires',
      'Status',
      'Actions',
    ])
    expect(table.head.map(shown).at(-1)).toBe('')
    const [row] = table.rows
    expect(row?.map(shown)).toEqual([
      'Dashboard',
      'ldm_abcd1234…',
      '15 Jan 2026 at 9am',
      'Never',
      '15 Jul 2026 at 10am',
      'Active',
      'Revoke',
    ])
    expect(row?.[0]).toMatchObject({ header: true, classes: 'app-table__row-header' })
    expect(isCode(row?.[1])).toBe(true)
    expect(tagIn(row?.[5])).toEqual({ text: 'Active', classes: 'govuk-tag--green' })
    expect(hrefIn(row?.[6])).toBe('/revoke/4')
  })

  it('offers no revoking for a token that no longer works', () => {
    const [row] = tokenTable([{ ...token, status: 'revoked' }], () => link('/x', 'Revoke')).rows
    expect(row?.[6]).toEqual({ text: '' })
    expect(tagIn(row?.[5])).toEqual({ text: 'Revoked', classes: 'govuk-tag--red' })
  })
})

describe('tokenCreatedView', () => {
  it('says when the new token expires, in full', () => {
    expect(tokenCreatedView(token)).toEqual({
      name: 'Dashboard',
      beginsWith: 'ldm_abcd1234…',
      expires: '15 July 2026 at 10am',
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
    expect(view.details.map(r => [shown(r.key), shown(r.value)])).toEqual([
      ['Name', 'Ada'],
      ['Email address', 'ada@example.org'],
      ['Role', 'Borough respondent'],
      ['Organisation', 'Hackney'],
    ])
    expect(view.nameHint).toContain('Up to 80 characters.')
  })

  it('links each token to its check page, never revoking on one click', () => {
    const revoke = accountView(input).tokens.rows[0]?.[6]
    expect(spoken(revoke)).toBe('Revoke Dashboard')
    expect(revoke).toEqual({
      html: '<a class="govuk-link" href="/account/tokens/4/revoke">Revoke<span class="govuk-visually-hidden"> Dashboard</span></a>',
    })
  })

  it('chooses the default expiry until the form says otherwise', () => {
    expect(accountView(input).expiryValue).toBe(90)
    expect(accountView({ ...input, expiresInDays: '365' }).expiryValue).toBe(365)
    expect(accountView(input).expiryItems[0]).toEqual({ value: 30, text: '30 days' })
  })

  it('has no organisation line for a central role, and says when there are no tokens', () => {
    const view = accountView({ ...input, organisation: undefined, tokens: [] })
    expect(view.details.map(r => shown(r.key))).toEqual(['Name', 'Email address', 'Role'])
    expect(view.hasTokens).toBe(false)
  })
})
