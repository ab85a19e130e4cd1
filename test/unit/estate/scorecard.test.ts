import {
  contractEndsByQuarter,
  nextContractEnds,
  scorecard,
  type ScoredEntry,
} from '../../../src/domain/estate/scorecard'

const entry = (entryId: number, organisation: string, more: Partial<ScoredEntry> = {}): ScoredEntry => ({
  entryId,
  organisation,
  hosting: 'saas',
  contractEnd: null,
  shareable: false,
  ...more,
})
const at = (iso: string) => new Date(`${iso}T09:00:00Z`)

describe('a product’s scorecard', () => {
  const entries = [
    entry(1, 'E1', { contractEnd: '2027-02-10' }),
    entry(2, 'E1', { hosting: 'on_premises', contractEnd: '2027-03-01' }),
    entry(3, 'E2', { contractEnd: '2027-08-31' }),
    entry(4, 'E3', { contractEnd: '2026-01-01' }),
    entry(5, 'E4'),
  ]
  const card = scorecard({
    entries,
    ratings: [
      { entryId: 1, point: 'open', rating: 'meets', since: at('2025-01-01') },
      { entryId: 2, point: 'open', rating: 'does_not_meet', since: at('2025-06-01') },
      { entryId: 3, point: 'open', rating: 'does_not_meet', since: at('2024-03-01') },
      { entryId: 4, point: 'open', rating: 'meets', since: at('2024-01-01') },
      { entryId: 5, point: 'open', rating: 'not_assessed', since: at('2024-01-01') },
      { entryId: 1, point: 'data', rating: 'meets', since: at('2025-01-01') },
      { entryId: 99, point: 'data', rating: 'does_not_meet', since: at('2020-01-01') },
    ],
    points: [
      { key: 'open', title: 'Open standards' },
      { key: 'data', title: 'Data' },
    ],
    partnerships: [['E1', 'E2']],
    today: '2026-12-07',
  })

  it('names each authority once and counts partnerships as one buyer', () => {
    expect(card.authorities).toEqual(['E1', 'E2', 'E3', 'E4'])
    expect(card.buyers).toBe(3)
  })

  it('counts authorities by hosting', () => {
    expect(card.hosting).toEqual([
      { hosting: 'on_premises', authorities: 1 },
      { hosting: 'saas', authorities: 4 },
    ])
  })

  it('counts ratings per authority, worst first, and takes London’s position', () => {
    const [open, data] = card.points
    // E1 meets on one entry and fails on the other: it counts once, as failing.
    expect(open).toMatchObject({
      key: 'open',
      meets: 1,
      partly: 0,
      doesNotMeet: 2,
      notAssessed: 1,
      position: 'does_not_meet',
    })
    expect(open?.failingSince).toEqual(at('2024-03-01'))
    // Entry 99 is not this product's: ignored.
    expect(data).toMatchObject({ meets: 1, doesNotMeet: 0, position: 'too_few', failingSince: null })
    expect(card.raters).toBe(3)
  })

  it('counts contract ends from today by quarter, with empty quarters between', () => {
    expect(card.contractEnds).toEqual([
      { quarter: '2026 Q4', count: 0 },
      { quarter: '2027 Q1', count: 2 },
      { quarter: '2027 Q2', count: 0 },
      { quarter: '2027 Q3', count: 1 },
    ])
    expect(contractEndsByQuarter([null, '2020-01-01'], '2026-12-07')).toEqual([])
  })

  it('lists the next contract ends soonest first', () => {
    expect(nextContractEnds(entries, '2026-12-07', 2).map(e => e.entryId)).toEqual([1, 2])
  })
})

describe('buyers on a scorecard', () => {
  it('chains partnerships that share a member, even one not running the product', () => {
    const card = scorecard({
      entries: [entry(1, 'A'), entry(2, 'B'), entry(3, 'C')],
      ratings: [],
      points: [],
      partnerships: [
        ['A', 'X'],
        ['X', 'B'],
      ],
      today: '2026-12-07',
    })
    expect(card.buyers).toBe(2)
  })
})
