import fc from 'fast-check'
import {
  averageLinkage,
  averageLinkageOfDistances,
  condensedIndex,
  cutTree,
  euclideanDistances,
  nanEuclideanDistances,
  similarityOrder,
  similarityTree,
  type Dendrogram,
} from '../../../src/domain/insights'

/*
 * Worked by hand: six points on a line, a=0 b=1 c=3 d=10 e=11.5 f=30 (indices 0 to 5).
 * Pairwise: ab 1, ac 3, ad 10, ae 11.5, af 30, bc 2, bd 9, be 10.5, bf 29, cd 7, ce 8.5, cf 27, de 1.5, df 20, ef 18.5.
 * 1. ab = 1 is the closest pair: cluster 6 = {a,b}.
 *    Now {ab}-c = (3+2)/2 = 2.5, {ab}-d = (10+9)/2 = 9.5, {ab}-e = (11.5+10.5)/2 = 11, {ab}-f = (30+29)/2 = 29.5.
 * 2. de = 1.5 beats {ab}-c = 2.5: cluster 7 = {d,e}.
 *    {ab}-{de} = (10+11.5+9+10.5)/4 = 10.25, c-{de} = (7+8.5)/2 = 7.75, f-{de} = (20+18.5)/2 = 19.25.
 * 3. {ab}-c = 2.5: cluster 8 = {a,b,c}.
 *    {abc}-{de} = (ad+ae+bd+be+cd+ce)/6 = (10+11.5+9+10.5+7+8.5)/6 = 56.5/6 ≈ 9.4167,
 *    which is (2 × 10.25 + 1 × 7.75)/3, weighting by size; unweighted (WPGMA) would say 9, single linkage 7,
 *    complete 11.5. {abc}-f = (30+29+27)/3 ≈ 28.67.
 * 4. {abc}-{de} = 56.5/6 beats {de}-f = 19.25: cluster 9 = {a,b,c,d,e}.
 * 5. f joins at (30+29+27+20+18.5)/5 = 124.5/5 = 24.9: cluster 10, everything.
 * Left is the part holding the lowest-numbered point, so the leaves read a b c d e f.
 */
const line = [[0], [1], [3], [10], [11.5], [30]]
const handWorked = {
  merges: [
    { left: 0, right: 1, distance: 1, size: 2 },
    { left: 3, right: 4, distance: 1.5, size: 2 },
    { left: 6, right: 2, distance: 2.5, size: 3 },
    { left: 8, right: 7, distance: 56.5 / 6, size: 5 },
    { left: 9, right: 5, distance: 24.9, size: 6 },
  ],
  leafOrder: [0, 1, 2, 3, 4, 5],
}

const closeMerges = (dendrogram: Dendrogram, digits = 12) =>
  dendrogram.merges.map(m => ({ ...m, distance: expect.closeTo(m.distance, digits) }))

describe('average linkage, worked by hand', () => {
  const dendrogram = averageLinkage(line)

  it('merges as worked above, weighting each average by cluster size', () => {
    expect(dendrogram.merges).toEqual(closeMerges(handWorked))
    expect(dendrogram.leafOrder).toEqual(handWorked.leafOrder)
  })

  it('cuts into k groups by undoing the k-1 highest merges', () => {
    expect(cutTree(dendrogram, 6, 1)).toEqual([[0, 1, 2, 3, 4, 5]])
    expect(cutTree(dendrogram, 6, 2)).toEqual([[0, 1, 2, 3, 4], [5]])
    expect(cutTree(dendrogram, 6, 3)).toEqual([[0, 1, 2], [3, 4], [5]])
    expect(cutTree(dendrogram, 6, 4)).toEqual([[0, 1], [2], [3, 4], [5]])
    expect(cutTree(dendrogram, 6, 6)).toEqual([[0], [1], [2], [3], [4], [5]])
    expect(cutTree(dendrogram, 6, 50)).toEqual([[0], [1], [2], [3], [4], [5]])
  })

  it('gives the same tree from distances held as singles, as it does above 5,800 points', () => {
    const singles = Float32Array.from(euclideanDistances(line))
    const given = singles.slice()
    expect(averageLinkageOfDistances(singles, 6)).toEqual({
      merges: closeMerges(handWorked, 5),
      leafOrder: handWorked.leafOrder,
    })
    expect(singles).toEqual(given)
  })

  it('reads the leaves with the part holding the lowest-numbered point first', () => {
    // The same six points shuffled: f d a c e b. {a,b} holds point 2 and c is 3, so a b come before c;
    // {d,e} holds point 1, so it comes before {a,b,c}; f is point 0 and comes first.
    const shuffled = averageLinkage([[30], [10], [0], [3], [11.5], [1]])
    expect(shuffled.leafOrder).toEqual([0, 1, 4, 2, 5, 3])
    expect(shuffled.merges.map(m => [m.left, m.right])).toEqual([
      [2, 5],
      [1, 4],
      [6, 3],
      [7, 8],
      [0, 9],
    ])
  })

  it('does not depend on the order of the points, beyond their numbers', () => {
    const reversed = averageLinkage([...line].reverse())
    expect(reversed.merges.map(m => m.distance)).toEqual(dendrogram.merges.map(m => expect.closeTo(m.distance, 12)))
    expect(cutTree(reversed, 6, 3)).toEqual([[0], [1, 2], [3, 4, 5]])
  })

  it('lays out distances as SciPy’s pdist does', () => {
    expect(
      Array.from(
        euclideanDistances([
          [0, 0],
          [3, 4],
          [6, 8],
        ]),
      ),
    ).toEqual([5, 10, 5])
    expect([condensedIndex(3, 0, 1), condensedIndex(3, 0, 2), condensedIndex(3, 2, 1)]).toEqual([0, 1, 2])
  })
})

describe('average linkage on odd input', () => {
  it('handles no points, one point and identical points', () => {
    expect(averageLinkage([])).toEqual({ leafOrder: [], merges: [] })
    expect(cutTree(averageLinkage([]), 0, 3)).toEqual([])
    expect(averageLinkage([[2, 3]])).toEqual({ leafOrder: [0], merges: [] })
    expect(cutTree(averageLinkage([[2, 3]]), 1, 4)).toEqual([[0]])
    const same = averageLinkage([[1], [1], [1], [1]])
    expect(same.merges.map(m => m.distance)).toEqual([0, 0, 0])
    // Every tie goes to the lowest index, so identical points join in order.
    expect(same.leafOrder).toEqual([0, 1, 2, 3])
    expect(cutTree(same, 4, 2)).toEqual([[0, 1, 2], [3]])
  })

  it('handles points with no coordinates as identical', () => {
    expect(averageLinkage([[], [], []]).merges.map(m => m.distance)).toEqual([0, 0])
  })

  it.each([
    [
      'points of different lengths',
      () => averageLinkage([[1, 2], [1]]),
      /Point 1 has 1 coordinates where point 0 has 2/,
    ],
    ['a coordinate that is not a number', () => averageLinkage([[1], [NaN]]), /Point 1 has NaN at coordinate 0/],
    ['the wrong number of distances', () => averageLinkageOfDistances(new Float64Array(2), 3), /3 points have 3/],
    ['a negative distance', () => averageLinkageOfDistances(Float64Array.of(-1), 2), /Distance 0 is -1/],
    ['an infinite distance', () => averageLinkageOfDistances(Float64Array.of(Infinity), 2), /finite/],
    ['k of 0', () => cutTree(averageLinkage(line), 6, 0), /k must be a whole number of at least 1, not 0/],
    ['a fractional k', () => cutTree(averageLinkage(line), 6, 1.5), /k must be a whole number/],
    ['a dendrogram of other points', () => cutTree(averageLinkage(line), 5, 2), /5 points has 4 merges, not 5/],
    [
      'a dendrogram that merges a cluster not yet made',
      () => cutTree({ leafOrder: [0, 1], merges: [{ left: 0, right: 2, distance: 0, size: 2 }] }, 2, 1),
      /Merge 0 joins clusters 0 and 2, which are not made yet/,
    ],
    [
      'a dendrogram that merges a cluster with itself',
      () =>
        cutTree(
          {
            leafOrder: [0, 1, 2],
            merges: [
              { left: 0, right: 1, distance: 0, size: 2 },
              { left: 0, right: 3, distance: 0, size: 3 },
            ],
          },
          3,
          1,
        ),
      /Merge 1 joins a cluster to itself/,
    ],
  ])('refuses %s', (_name, run, message) => {
    expect(run).toThrow(RangeError)
    expect(run).toThrow(message)
  })
})

/** Average linkage straight from its definition, O(n³): the closest pair of clusters by mean pairwise distance. */
function naiveAverageLinkage(
  points: readonly (readonly number[])[],
): { distance: number; left: number[]; right: number[] }[] {
  const d = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((v, i) => v - b[i]!))
  let clusters = points.map((_, i) => [i])
  const merges = []
  while (clusters.length > 1) {
    let best = { i: 0, j: 1, distance: Infinity }
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const [a, b] = [clusters[i]!, clusters[j]!]
        const distance =
          a.flatMap(x => b.map(y => d(points[x]!, points[y]!))).reduce((s, v) => s + v, 0) / (a.length * b.length)
        if (distance < best.distance) best = { i, j, distance }
      }
    }
    const [a, b] = [clusters[best.i]!, clusters[best.j]!]
    merges.push({ distance: best.distance, left: a, right: b })
    clusters = [...clusters.filter((_, k) => k !== best.i && k !== best.j), [...a, ...b]]
  }
  return merges
}

/** Members of every cluster the dendrogram makes, for comparing trees whatever their numbering. */
function clusterMembers(dendrogram: Dendrogram, n: number): number[][] {
  const members: number[][] = Array.from({ length: n }, (_, i) => [i])
  for (const m of dendrogram.merges) members.push([...members[m.left]!, ...members[m.right]!])
  return members.slice(n).map(c => [...c].sort((a, b) => a - b))
}

const seeded = (seed: number) => {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('average linkage, for any points', () => {
  // Small integer coordinates give many ties and identical points, the cases most likely to go wrong.
  const points = fc
    .integer({ min: 0, max: 4 })
    .chain(width =>
      fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: width, maxLength: width }), { maxLength: 30 }),
    )

  it('has n-1 merges whose distances never decrease, each cluster made before it is merged', () => {
    fc.assert(
      fc.property(points, ps => {
        const { merges } = averageLinkage(ps)
        expect(merges).toHaveLength(Math.max(ps.length - 1, 0))
        merges.forEach((m, i) => {
          expect(m.left).not.toBe(m.right)
          expect(Math.max(m.left, m.right)).toBeLessThan(ps.length + i)
          if (i > 0) expect(m.distance).toBeGreaterThanOrEqual(merges[i - 1]!.distance)
        })
        expect(merges.at(-1)?.size ?? ps.length).toBe(ps.length)
      }),
    )
  })

  it('orders the leaves as a permutation in which every cluster’s members sit together', () => {
    fc.assert(
      fc.property(points, ps => {
        const dendrogram = averageLinkage(ps)
        expect([...dendrogram.leafOrder].sort((a, b) => a - b)).toEqual(ps.map((_, i) => i))
        const position = new Map(dendrogram.leafOrder.map((leaf, at) => [leaf, at]))
        for (const members of clusterMembers(dendrogram, ps.length)) {
          const at = members.map(m => position.get(m)!)
          expect(Math.max(...at) - Math.min(...at)).toBe(members.length - 1)
        }
      }),
    )
  })

  it('cuts into exactly min(k, n) non-empty groups that partition the points', () => {
    fc.assert(
      fc.property(points, fc.integer({ min: 1, max: 35 }), (ps, k) => {
        const groups = cutTree(averageLinkage(ps), ps.length, k)
        expect(groups).toHaveLength(Math.min(k, ps.length))
        expect(groups.every(g => g.length > 0)).toBe(true)
        expect(groups.flat().sort((a, b) => a - b)).toEqual(ps.map((_, i) => i))
      }),
    )
  })

  it('gives the same tree as the definition, when no two distances tie', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 25 }), fc.integer({ min: 1, max: 4 }), (seed, n, width) => {
        const random = seeded(seed)
        const ps = Array.from({ length: n }, () => Array.from({ length: width }, () => random() * 5))
        const expected = naiveAverageLinkage(ps)
        const dendrogram = averageLinkage(ps)
        expect(dendrogram.merges.map(m => m.distance)).toEqual(expected.map(m => expect.closeTo(m.distance, 9)))
        expect(clusterMembers(dendrogram, n)).toEqual(expected.map(m => [...m.left, ...m.right].sort((a, b) => a - b)))
      }),
      { numRuns: 60 },
    )
  })

  it('gives the same answer every time', () => {
    fc.assert(
      fc.property(points, ps => {
        expect(averageLinkage(ps)).toEqual(averageLinkage(ps.map(p => [...p])))
      }),
    )
  })
})

describe('NaN-aware distances', () => {
  it('scale the shared coordinates up to the whole width, as scikit-learn does', () => {
    // scikit-learn's documented example: [[0, 1], [1, nan]] are sqrt(2 / 1 × 1²) apart.
    expect(
      Array.from(
        nanEuclideanDistances([
          [0, 1],
          [1, null],
        ]),
      ),
    ).toEqual([Math.SQRT2])
    // Shared: the first and third coordinates, differences 2 and 1: sqrt(3 / 2 × 5).
    expect(
      nanEuclideanDistances([
        [3, null, 5],
        [1, 2, 4],
      ])[0],
    ).toBeCloseTo(Math.sqrt(7.5), 12)
    expect(
      Array.from(
        nanEuclideanDistances([
          [1, 2],
          [1, 2],
        ]),
      ),
    ).toEqual([0])
  })

  it('put rows with nothing in common further apart than any rows with something', () => {
    const d = nanEuclideanDistances([
      [0, null],
      [null, 5],
      [5, 0],
    ])
    // 0–1 share nothing; 0–2: sqrt(2 × 25); 1–2: sqrt(2 × 25).
    expect(d[condensedIndex(3, 0, 2)]).toBeCloseTo(Math.sqrt(50), 12)
    expect(d[condensedIndex(3, 0, 1)]).toBeGreaterThan(Math.sqrt(50))
  })

  it('refuse rows of different lengths and scores that are not numbers', () => {
    expect(() => nanEuclideanDistances([[1, 2], [1]])).toThrow(/Row 1 has 1 cells where row 0 has 2/)
    expect(() => nanEuclideanDistances([[1], [Infinity]])).toThrow(/Row 1 has Infinity in cell 1/)
  })
})

describe('similarity order', () => {
  it('puts each of two planted profile groups together, and rows with no score last in their order', () => {
    const random = seeded(6)
    const noisy = (level: number) => Array.from({ length: 5 }, () => (random() < 0.2 ? null : level + random() * 0.6))
    // Interleave the groups so that keeping them apart is the order's doing, not the input's.
    const rows = Array.from({ length: 14 }, (_, i) =>
      i === 3 || i === 9 ? [null, null, null, null, null] : noisy(i % 2 ? 4 : 1),
    )
    const order = similarityOrder(rows)
    expect([...order].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i))
    expect(order.slice(-2)).toEqual([3, 9])
    const weak = order.slice(0, -2).map(i => (i % 2 ? 'strong' : 'weak'))
    const changes = weak.filter((g, i) => i > 0 && g !== weak[i - 1]).length
    expect(changes).toBe(1)
  })

  it('keeps the given order for rows with no scores, and copes with none, one and all alike', () => {
    expect(similarityOrder([])).toEqual([])
    expect(similarityOrder([[2]])).toEqual([0])
    expect(similarityOrder([[null], [null], [null]])).toEqual([0, 1, 2])
    expect(similarityOrder([[], []])).toEqual([0, 1])
    expect(
      similarityOrder([
        [1, 1],
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([0, 1, 2])
  })

  it('orders rows like the tree of their full scores when none is missing', () => {
    expect(similarityOrder(line)).toEqual(handWorked.leafOrder)
  })

  it('is a permutation for any table with gaps', () => {
    const table = fc.integer({ min: 0, max: 4 }).chain(width =>
      fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 5 })), { minLength: width, maxLength: width }), {
        maxLength: 25,
      }),
    )
    fc.assert(
      fc.property(table, rows => {
        const order = similarityOrder(rows)
        expect([...order].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i))
        const unscored = rows.flatMap((row, i) => (row.every(c => c === null) ? [i] : []))
        expect(order.slice(order.length - unscored.length)).toEqual(unscored)
      }),
    )
  })
})

describe('similarity tree', () => {
  it('numbers its leaves by their place in the order, so each merge joins two runs of neighbouring rows', () => {
    // The hand-worked line, shuffled: f, c, a, e, b, d (rows 0 to 5). The lower-numbered row's part goes
    // first, so f comes first, then c; the merges are the line's, named by the place each row takes.
    const tree = similarityTree([[30], [3], [0], [11.5], [1], [10]])
    expect(tree.order).toEqual([0, 1, 2, 4, 3, 5])
    expect(tree.leaves).toBe(6)
    expect(tree.merges).toEqual([
      { left: 2, right: 3, distance: 1, size: 2 },
      { left: 4, right: 5, distance: 1.5, size: 2 },
      { left: 1, right: 6, distance: 2.5, size: 3 },
      { left: 8, right: 7, distance: expect.closeTo(56.5 / 6, 12), size: 5 },
      { left: 0, right: 9, distance: expect.closeTo(24.9, 12), size: 6 },
    ])
  })

  it('leaves rows with no score out of the tree, below its leaves', () => {
    const tree = similarityTree([[null], [4], [null], [1], [4.5]])
    expect(tree.order).toEqual([1, 4, 3, 0, 2])
    expect(tree.leaves).toBe(3)
    expect(tree.merges).toEqual([
      { left: 0, right: 1, distance: 0.5, size: 2 },
      { left: 3, right: 2, distance: 3.25, size: 3 },
    ])
    expect(similarityTree([[null]])).toEqual({ order: [0], leaves: 0, merges: [] })
  })

  it('makes every cluster a run of neighbouring places, its left part above its right, for any table', () => {
    const table = fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 5 })), { minLength: 3, maxLength: 3 }), {
      maxLength: 20,
    })
    fc.assert(
      fc.property(table, rows => {
        const { leaves, merges } = similarityTree(rows)
        const span = new Map<number, [number, number]>(Array.from({ length: leaves }, (_, i) => [i, [i, i]]))
        merges.forEach((m, i) => {
          const [leftFirst, leftLast] = span.get(m.left)!
          const [rightFirst, rightLast] = span.get(m.right)!
          expect(rightFirst).toBe(leftLast + 1)
          expect(rightLast - leftFirst + 1).toBe(m.size)
          span.set(leaves + i, [leftFirst, rightLast])
        })
        expect(merges).toHaveLength(Math.max(leaves - 1, 0))
      }),
    )
  })
})
