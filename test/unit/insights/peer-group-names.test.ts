import {
  differences,
  londonMeanProfile,
  notableDifferences,
  peerGroupNames,
  profileName,
  separateOutliers,
  type PeerGroup,
} from '../../../src/domain/insights'

const DIMENSIONS = [
  { key: 'leadership', title: 'Leadership and strategy' },
  { key: 'culture', title: 'Culture and skills' },
  { key: 'data', title: 'Data' },
]
const LONDON = { leadership: 3, culture: 3, data: 3 }

/** A group's name from its mean in each dimension, against a London at 3.00 everywhere. */
const nameOf = (leadership: number, culture: number, data: number) =>
  profileName(differences({ leadership, culture, data }, LONDON, DIMENSIONS))

const group = (organisations: string[], [leadership, culture, data]: number[]): PeerGroup => ({
  organisations,
  meanProfile: { leadership: leadership!, culture: culture!, data: data! },
  weakestDimension: 'data',
  meanScore: (leadership! + culture! + data!) / 3,
})

describe('a peer group’s name, from where it stands against London’s mean', () => {
  it.each([
    [[4, 3, 1.5], 'Strong leadership and strategy, weak data'],
    [[3, 3, 1], 'Weak data'],
    [[3, 3.6, 3], 'Strong culture and skills'],
    [[4, 4, 3.5], 'Strong all round'],
    [[2, 2.5, 1], 'Weak all round'],
    [[3.2, 2.9, 3.1], 'Close to London’s mean'],
    // A quarter of a level is enough to be named; less is not.
    [[3.25, 3, 2.75], 'Strong leadership and strategy, weak data'],
    [[3.24, 3, 2.76], 'Close to London’s mean'],
    // On a tie the earlier dimension is named.
    [[2, 2, 3], 'Weak leadership and strategy'],
  ])('%j is “%s”', (profile, name) => {
    const [leadership, culture, data] = profile as [number, number, number]
    expect(nameOf(leadership, culture, data)).toBe(name)
  })

  it('keeps the capitals of a title that starts with an abbreviation', () => {
    const diffs = differences({ it: 1, data: 3 }, { it: 3, data: 3 }, [
      { key: 'it', title: 'IT estate' },
      { key: 'data', title: 'Data' },
    ])
    expect(profileName(diffs)).toBe('Weak IT estate')
  })

  it('tells groups of the same name apart by their mean in the dimension named', () => {
    const groups = [group(['A'], [3, 3, 1]), group(['B'], [3, 3, 2]), group(['C'], [4, 3, 3])]
    expect(peerGroupNames(groups, LONDON, DIMENSIONS)).toEqual([
      'Weak data, averaging 1.00',
      'Weak data, averaging 2.00',
      'Strong leadership and strategy',
    ])
  })

  it('numbers groups whose names and means are the same, so every name is unique', () => {
    const groups = [group(['A'], [3, 3, 1]), group(['B'], [3.1, 3, 1]), group(['C'], [3, 3, 3])]
    expect(peerGroupNames(groups, LONDON, DIMENSIONS)).toEqual([
      'Weak data, averaging 1.00 (1 of 2)',
      'Weak data, averaging 1.00 (2 of 2)',
      'Close to London’s mean',
    ])
  })

  it('takes London’s mean as the mean of every organisation grouped, so a large group weighs more', () => {
    const london = londonMeanProfile(
      [group(['A', 'B', 'C'], [1, 2, 3]), group(['D'], [5, 2, 3])],
      ['leadership', 'culture', 'data'],
    )
    expect(london).toEqual({ leadership: 2, culture: 2, data: 3 })
  })
})

describe('outliers', () => {
  it('takes groups of one out of the peer groups, keeping each group’s number for its brief', () => {
    const groups = [group(['A', 'B'], [3, 3, 1]), group(['C'], [5, 5, 5]), group(['D', 'E', 'F'], [3, 3, 3])]
    const { peers, outliers } = separateOutliers(groups)
    expect(peers.map(p => [p.number, p.group.organisations])).toEqual([
      [1, ['A', 'B']],
      [3, ['D', 'E', 'F']],
    ])
    expect(outliers.map(o => [o.number, o.group.organisations])).toEqual([[2, ['C']]])
  })

  it('says how an outlier differs: the dimensions a margin from London’s mean, furthest first', () => {
    const diffs = differences({ leadership: 3.5, culture: 3.1, data: 1 }, LONDON, DIMENSIONS)
    expect(notableDifferences(diffs).map(d => [d.title, d.difference])).toEqual([
      ['Data', -2],
      ['Leadership and strategy', 0.5],
    ])
    expect(notableDifferences(differences(LONDON, LONDON, DIMENSIONS))).toEqual([])
  })
})
