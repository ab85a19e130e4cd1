import { checkEntry, isCalendarDate, type EntryContext } from '../../../src/domain/pipeline/entry'

const context: EntryContext = {
  categories: [
    { key: 'finance-erp', name: 'Finance and ERP', addresses: 'foundations' },
    { key: 'other', name: 'Other', addresses: null },
  ],
  addressable: new Map([
    ['data', 'Data'],
    ['services.housing', 'Housing allocations and lettings'],
  ]),
}

const valid = {
  categoryKey: 'finance-erp',
  currentSystem: 'Oracle E-Business Suite',
  supplier: 'Oracle',
  contractEnd: '2028-03-31',
  plannedStart: '2027-04-01',
  route: 'procure',
  valueBand: '1m-5m',
  status: 'planned',
  addresses: 'data',
  notes: 'Open to a joint procurement',
  shareable: true,
}

/** What a single change to a valid entry is refused for. */
const errorsFor = (change: Record<string, unknown>) => checkEntry({ ...valid, ...change }, context).errors

describe('a calendar date', () => {
  it.each(['2027-01-31', '2028-02-29', '2000-02-29', '2027-12-31'])('%s is one', date => {
    expect(isCalendarDate(date)).toBe(true)
  })

  it.each([
    ['29 February in a common year', '2027-02-29'],
    ['29 February 2100, not a leap year', '2100-02-29'],
    ['30 February', '2028-02-30'],
    ['31 April', '2027-04-31'],
    ['month 13', '2027-13-01'],
    ['month 0', '2027-00-10'],
    ['day 0', '2027-01-00'],
    ['a day without its leading zero', '2027-1-01'],
    ['the British order', '31/01/2027'],
    ['a date with a time', '2027-01-31T00:00:00Z'],
    ['surrounding spaces', ' 2027-01-31'],
    ['words', 'next spring'],
  ])('%s is not one (%s)', (_name, text) => {
    expect(isCalendarDate(text)).toBe(false)
  })
})

describe('checking an entry', () => {
  it('accepts a full entry as it is', () => {
    expect(checkEntry(valid, context)).toEqual({ value: valid, errors: [] })
  })

  it('trims text, makes blanks nothing, and takes a missing sharing answer as not shared', () => {
    const { value } = checkEntry(
      {
        categoryKey: ' other ',
        currentSystem: '  ',
        supplier: '',
        contractEnd: '',
        plannedStart: undefined,
        route: 'build',
        valueBand: 'unknown',
        status: 'idea',
        addresses: '',
        notes: null,
      },
      context,
    )
    expect(value).toEqual({
      categoryKey: 'other',
      currentSystem: null,
      supplier: null,
      contractEnd: null,
      plannedStart: null,
      route: 'build',
      valueBand: 'unknown',
      status: 'idea',
      addresses: null,
      notes: null,
      shareable: false,
    })
  })

  it('accepts a planned start on the day the contract ends', () => {
    expect(errorsFor({ plannedStart: '2028-03-31', contractEnd: '2028-03-31' })).toEqual([])
  })

  it.each([
    ['no category', { categoryKey: '' }, 'categoryKey', 'Select a category'],
    [
      'an unknown category',
      { categoryKey: 'spaceships' },
      'categoryKey',
      '“spaceships” is not a category on the shared list',
    ],
    ['a category that is not text', { categoryKey: 7 }, 'categoryKey', 'Select a category'],
    ['a current system that is not text', { currentSystem: 42 }, 'currentSystem', 'The current system must be text'],
    [
      'a current system that is too long',
      { currentSystem: 'x'.repeat(201) },
      'currentSystem',
      'The current system must be 200 characters or fewer',
    ],
    [
      'a supplier that is too long',
      { supplier: 'x'.repeat(201) },
      'supplier',
      'The supplier must be 200 characters or fewer',
    ],
    [
      'a supplier with a NUL character',
      { supplier: 'Ora\u0000cle' },
      'supplier',
      'The supplier must not contain control characters; retype it rather than pasting',
    ],
    ['notes that are too long', { notes: 'x'.repeat(2001) }, 'notes', 'The notes must be 2,000 characters or fewer'],
    [
      'a contract end that does not exist',
      { contractEnd: '2027-02-29' },
      'contractEnd',
      'The contract end date must be a real date written as YYYY-MM-DD, not “2027-02-29”',
    ],
    [
      'a planned start in the British order',
      { plannedStart: '01/04/2027' },
      'plannedStart',
      'The planned start date must be a real date written as YYYY-MM-DD, not “01/04/2027”',
    ],
    ['a date that is not text', { contractEnd: 20270101 }, 'contractEnd', 'The contract end date must be a date'],
    [
      'an end before the start',
      { plannedStart: '2028-04-01', contractEnd: '2028-03-31' },
      'contractEnd',
      'The contract end date must be on or after the planned start date: work to replace a system starts before its contract ends',
    ],
    ['no route', { route: '' }, 'route', 'Select the route'],
    [
      'a route off the list',
      { route: 'borrow' },
      'route',
      'The route must be one of: procure (Procure), build (Build), extend (Extend the current contract), share (Share with other councils); “borrow” is not',
    ],
    ['no value band', { valueBand: undefined }, 'valueBand', 'Select the value band'],
    [
      'a value band off the list',
      { valueBand: '£2m' },
      'valueBand',
      'The value band must be one of: under-100k (Under £100,000), 100k-500k (£100,000 to £499,999), 500k-1m (£500,000 to £999,999), 1m-5m (£1 million to £4.99 million), 5m-plus (£5 million or more), unknown (Not known yet); “£2m” is not',
    ],
    ['no status', { status: null }, 'status', 'Select the status'],
    [
      'a status off the list',
      { status: 'In procurement' },
      'status',
      'The status must be one of: idea (Idea), planned (Planned), in_procurement (In procurement), awarded (Awarded), cancelled (Cancelled); “In procurement” is not',
    ],
    [
      'a maturity area not in the questionnaire',
      { addresses: 'services.spaceports' },
      'addresses',
      '“services.spaceports” is not a dimension or theme of the questionnaire',
    ],
    [
      'a maturity area given by its title rather than its key',
      { addresses: 'Data' },
      'addresses',
      '“Data” is not a dimension or theme of the questionnaire',
    ],
    ['a maturity area that is not text', { addresses: ['data'] }, 'addresses', 'The maturity area must be text'],
    ['sharing as a word', { shareable: 'yes' }, 'shareable', 'Sharing must be true or false'],
  ])('refuses %s, naming the field', (_name, change, field, message) => {
    expect(errorsFor(change)).toEqual([{ field, message }])
  })

  it('reports every bad field at once, in the order of the form, and returns no entry', () => {
    const result = checkEntry(
      { categoryKey: 'x', contractEnd: '2027-02-30', route: 'y', valueBand: 'z', status: '', shareable: 1 },
      context,
    )
    expect(result.value).toBeUndefined()
    expect(result.errors.map(e => e.field)).toEqual([
      'categoryKey',
      'contractEnd',
      'route',
      'valueBand',
      'status',
      'shareable',
    ])
  })

  it('does not compare dates when one of them is not a real date', () => {
    expect(errorsFor({ plannedStart: '2028-13-01', contractEnd: '2028-03-31' }).map(e => e.field)).toEqual([
      'plannedStart',
    ])
  })
})
