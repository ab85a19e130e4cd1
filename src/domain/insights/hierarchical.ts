import { euclideanDistances, nanEuclideanDistances, pairCount, type CondensedDistances } from './distances'
import { checkPositiveWholeNumber } from './score-table'
import { DisjointSets } from './union-find'

/**
 * One step of agglomerative clustering. Clusters are numbered as SciPy numbers them: 0..n-1 are the points
 * and n+i is the cluster made by merges[i]. Unlike SciPy, left is the part holding the lowest-numbered point.
 */
export interface Merge {
  left: number
  right: number
  distance: number
  /** Points in the merged cluster. */
  size: number
}

export interface Dendrogram {
  /** Point indices as the tree's leaves read left to right: every cluster's members sit together. */
  leafOrder: number[]
  /** n-1 merges for n points, by distance ascending (ties in the order the algorithm found them). */
  merges: Merge[]
}

/** Agglomerative clustering with average linkage (UPGMA) on Euclidean distances. */
export function averageLinkage(points: readonly (readonly number[])[]): Dendrogram {
  return linkageInPlace(euclideanDistances(points), points.length)
}

/** Average linkage on distances already worked out, laid out as condensedIndex says; they are left as they were. */
export function averageLinkageOfDistances(distances: CondensedDistances, n: number): Dendrogram {
  return linkageInPlace(distances.slice(), n)
}

/**
 * Average linkage by the nearest-neighbour chain (Murtagh 1983; Müllner 2011, "Modern hierarchical,
 * agglomerative clustering algorithms"): O(n²) time, working in the condensed matrix it is given, which
 * it overwrites: at 10,000 points a copy would cost another 200 MB.
 * Follow nearest neighbours until two clusters are each other's nearest, merge them, carry on from the
 * rest of the chain. That is exact for average linkage because it is reducible: a merged cluster is never
 * nearer to a third than the nearer of its two parts was. Rounding could break that by an ulp and then
 * the chain's proof (and the non-decreasing merge heights) with it, so each update is clamped to it.
 */
function linkageInPlace(distances: CondensedDistances, n: number): Dendrogram {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`The number of points must be a whole number, not ${n}`)
  if (distances.length !== pairCount(n)) {
    throw new RangeError(`${n} points have ${pairCount(n)} distances, not ${distances.length}`)
  }
  if (n === 0) return { leafOrder: [], merges: [] }
  distances.forEach((distance, i) => {
    if (!(distance >= 0 && distance < Infinity)) {
      throw new RangeError(`Distance ${i} is ${distance}: distances must be finite and not negative`)
    }
  })
  // Sorting is stable, and a parent is found after its children at no smaller height, so children stay first.
  const bySlot = nearestNeighbourChain(distances, n).sort((a, b) => a.distance - b.distance)
  const merges = relabel(bySlot, n)
  return { leafOrder: leafOrder(merges, n), merges }
}

/** Merges in the order found, naming clusters by slot: a merged cluster takes its right part's slot. */
function nearestNeighbourChain(d: CondensedDistances, n: number): Merge[] {
  const rowStart = new Int32Array(n)
  for (let i = 1; i < n; i++) rowStart[i] = (rowStart[i - 1] as number) + n - i
  const at = (a: number, b: number): number =>
    a < b ? (rowStart[a] as number) + b - a - 1 : (rowStart[b] as number) + a - b - 1
  // The clusters still active, as a linked list in ascending slot order, so every scan breaks ties alike.
  const next = Int32Array.from({ length: n }, (_, i) => i + 1)
  const prev = Int32Array.from({ length: n }, (_, i) => i - 1)
  let head = 0
  const size = new Float64Array(n).fill(1)
  const chain = new Int32Array(n)
  let length = 0
  const merges: Merge[] = []
  while (merges.length < n - 1) {
    if (length === 0) chain[length++] = head
    let a: number
    let b: number
    let nearest: number
    for (;;) {
      a = chain[length - 1] as number
      // Prefer the previous link on a tie, else the lowest slot: the chain can then never turn back on itself.
      b = length > 1 ? (chain[length - 2] as number) : -1
      nearest = b === -1 ? Infinity : (d[at(a, b)] as number)
      for (let x = head; x < n; x = next[x] as number) {
        if (x === a) continue
        const dist = d[at(a, x)] as number
        if (dist < nearest || b === -1) {
          nearest = dist
          b = x
        }
      }
      if (length > 1 && b === chain[length - 2]) break
      chain[length++] = b
    }
    length -= 2
    const left = Math.min(a, b)
    const right = Math.max(a, b)
    const nl = size[left] as number
    const nr = size[right] as number
    merges.push({ left, right, distance: nearest, size: nl + nr })
    for (let x = head; x < n; x = next[x] as number) {
      if (x === left || x === right) continue
      const dl = d[at(left, x)] as number
      const dr = d[at(right, x)] as number
      const average = (nl * dl + nr * dr) / (nl + nr)
      const floor = dl < dr ? dl : dr
      d[at(right, x)] = average < floor ? floor : average
    }
    size[right] = nl + nr
    const before = prev[left] as number
    const after = next[left] as number
    if (before === -1) head = after
    else next[before] = after
    if (after < n) prev[after] = before
  }
  return merges
}

/**
 * From slot names to cluster numbers: a slot always holds the cluster containing the point of that number.
 * The part holding the lower-numbered point goes left, so rows that tie keep the order they came in.
 */
function relabel(bySlot: readonly Merge[], n: number): Merge[] {
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i)
  const lowestPoint = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i)
  const find = (label: number): number => {
    let x = label
    while (parent[x] !== x) {
      const up = parent[x] as number
      parent[x] = parent[up] as number
      x = up
    }
    return x
  }
  return bySlot.map((merge, i) => {
    const a = find(merge.left)
    const b = find(merge.right)
    const [left, right] = (lowestPoint[a] as number) < (lowestPoint[b] as number) ? [a, b] : [b, a]
    parent[a] = n + i
    parent[b] = n + i
    lowestPoint[n + i] = lowestPoint[left] as number
    return { left, right, distance: merge.distance, size: merge.size }
  })
}

function leafOrder(merges: readonly Merge[], n: number): number[] {
  const order: number[] = []
  const stack = [n + merges.length - 1]
  for (let label = stack.pop(); label !== undefined; label = stack.pop()) {
    const merge = merges[label - n]
    if (merge === undefined) order.push(label)
    else stack.push(merge.right, merge.left)
  }
  return order
}

/**
 * The k groups left after undoing the k-1 highest merges (all n points when k > n): each group's point
 * indices ascending, groups ordered by their smallest index.
 */
export function cutTree(dendrogram: Dendrogram, n: number, k: number): number[][] {
  checkPositiveWholeNumber('k', k)
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`The number of points must be a whole number, not ${n}`)
  const { merges } = dendrogram
  if (merges.length !== Math.max(n - 1, 0)) {
    throw new RangeError(`A dendrogram of ${n} points has ${Math.max(n - 1, 0)} merges, not ${merges.length}`)
  }
  // Any point of a cluster stands for it, so the cut needs only n disjoint sets, not 2n-1.
  const member: number[] = Array.from({ length: n }, (_, i) => i)
  const sets = new DisjointSets(n)
  merges.slice(0, n - Math.min(k, n)).forEach((merge, i) => {
    const label = n + i
    const left = member[merge.left]
    const right = member[merge.right]
    if (merge.left >= label || merge.right >= label || left === undefined || right === undefined) {
      throw new RangeError(`Merge ${i} joins clusters ${merge.left} and ${merge.right}, which are not made yet`)
    }
    if (!sets.union(left, right)) throw new RangeError(`Merge ${i} joins a cluster to itself`)
    member.push(left)
  })
  return sets.groups()
}

/**
 * The heatmap's rows "by similarity" and the tree that put them there: the leaf order of average linkage
 * on the rows' scores with gaps tolerated, so rows with like profiles sit together and weak blocks show.
 * Rows with no score at all have nothing to compare, so they go last in the order given, outside the tree.
 */
export interface SimilarityTree {
  /** Row indices, top to bottom. */
  order: number[]
  /** How many rows, from the top of `order`, are the tree's leaves. */
  leaves: number
  /**
   * The tree's merges (see Merge), its points numbered by their place in `order`, so every cluster is a
   * run of neighbouring rows.
   */
  merges: Merge[]
}

export function similarityTree(rows: readonly (readonly (number | null)[])[]): SimilarityTree {
  const scored: number[] = []
  const unscored: number[] = []
  rows.forEach((row, r) => (row.some(cell => cell !== null) ? scored : unscored).push(r))
  const distances = nanEuclideanDistances(scored.map(r => rows[r] as readonly (number | null)[]))
  const { leafOrder, merges } = linkageInPlace(distances, scored.length)
  const n = scored.length
  const place = new Int32Array(n)
  leafOrder.forEach((point, i) => (place[point] = i))
  const renumber = (label: number): number => (label < n ? (place[label] as number) : label)
  return {
    order: [...leafOrder.map(i => scored[i] as number), ...unscored],
    leaves: n,
    merges: merges.map(m => ({ ...m, left: renumber(m.left), right: renumber(m.right) })),
  }
}

/** The row order of similarityTree, for callers that need no tree. */
export const similarityOrder = (rows: readonly (readonly (number | null)[])[]): number[] => similarityTree(rows).order
