import { noun, plural, wholeNumber } from '../../../src/domain/format/plurals'

describe('plural', () => {
  it.each([
    [1, '1 partnership'],
    [2, '2 partnerships'],
    [0, '0 partnerships'],
    [1250, '1,250 partnerships'],
  ])('counts %i as %s', (count, written) => {
    expect(plural(count, 'partnership')).toBe(written)
  })

  it('takes the plural it is given where adding an s is wrong', () => {
    expect(plural(1, 'authority', 'authorities')).toBe('1 authority')
    expect(plural(33, 'authority', 'authorities')).toBe('33 authorities')
    expect(plural(0, 'person has', 'people have')).toBe('0 people have')
  })

  it('gives the noun alone for sentences that put the count elsewhere', () => {
    expect(noun(1, 'entry', 'entries')).toBe('entry')
    expect(noun(4, 'theme')).toBe('themes')
  })
})

describe('wholeNumber', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
    [-2500, '-2,500'],
  ])('writes %i as %s', (n, written) => {
    expect(wholeNumber(n)).toBe(written)
  })
})
