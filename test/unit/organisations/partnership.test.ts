import { checkPartnershipInput } from '../../../src/domain/partnership'

describe('partnership input', () => {
  it('accepts a name and at least two members, dropping duplicates', () => {
    expect(
      checkPartnershipInput({ name: ' Shared ICT ', description: '', members: ['brent', 'camden', 'brent'] }),
    ).toEqual({
      value: { name: 'Shared ICT', description: '', memberSlugs: ['brent', 'camden'] },
      errors: [],
    })
  })

  it('takes a single checkbox value as one member', () => {
    expect(checkPartnershipInput({ name: 'X', members: 'brent' }).errors).toEqual([
      { field: 'members', message: 'Select at least 2 member organisations: a partnership buys for several' },
    ])
  })

  it('reports every problem with its field', () => {
    const { errors } = checkPartnershipInput({ name: '', description: 'd'.repeat(2001), members: [] })
    expect(errors.map(e => e.field)).toEqual(['name', 'description', 'members'])
  })

  it('refuses members that are not names from the list', () => {
    expect(checkPartnershipInput({ name: 'X', members: ['brent', { evil: true }] }).errors).toEqual([
      { field: 'members', message: 'Select members from the list' },
    ])
  })
})
