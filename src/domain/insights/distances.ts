import { checkScoreValues } from './score-table'

/** Pairwise distances of n points: the pair i < j at condensedIndex(n, i, j), as SciPy's pdist lays them out. */
export type CondensedDistances = Float64Array | Float32Array

/**
 * Doubles above this many pairs would pass 128 MB (at about 5,800 points); beyond it distances are kept as
 * singles, whose seven significant figures are far finer than any difference between maturity scores.
 */
const DOUBLE_PAIRS_LIMIT = 16_777_216

export const pairCount = (n: number): number => (n * (n - 1)) / 2

export function allocateDistances(n: number): CondensedDistances {
  const pairs = pairCount(n)
  return pairs > DOUBLE_PAIRS_LIMIT ? new Float32Array(pairs) : new Float64Array(pairs)
}

export const condensedIndex = (n: number, i: number, j: number): number =>
  i < j ? (i * (2 * n - i - 1)) / 2 + j - i - 1 : (j * (2 * n - j - 1)) / 2 + i - j - 1

function checkPoints(points: readonly (readonly number[])[]): number {
  const width = points[0]?.length ?? 0
  points.forEach((point, p) => {
    if (point.length !== width) {
      throw new RangeError(`Point ${p} has ${point.length} coordinates where point 0 has ${width}`)
    }
    point.forEach((value, c) => {
      if (!Number.isFinite(value))
        throw new RangeError(`Point ${p} has ${value} at coordinate ${c}: not a finite number`)
    })
  })
  return width
}

export function euclideanDistances(points: readonly (readonly number[])[]): CondensedDistances {
  const n = points.length
  const width = checkPoints(points)
  const flat = Float64Array.from(points.flat())
  const distances = allocateDistances(n)
  let at = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let sum = 0
      for (let c = 0; c < width; c++) {
        const diff = (flat[i * width + c] as number) - (flat[j * width + c] as number)
        sum += diff * diff
      }
      distances[at++] = Math.sqrt(sum)
    }
  }
  return distances
}

/**
 * Distances between rows with gaps, as scikit-learn's nan_euclidean_distances: over the coordinates both
 * rows have, sqrt(width / shared × the sum of squared differences), so a row is not made to look near
 * by having fewer scores. Two rows with nothing in common are put further apart than any two that have
 * something, so they join only when nothing else is left.
 */
export function nanEuclideanDistances(rows: readonly (readonly (number | null)[])[]): CondensedDistances {
  const n = rows.length
  const width = rows[0]?.length ?? 0
  const values = new Float64Array(n * width)
  const present = new Uint8Array(n * width)
  let lowest = Infinity
  let highest = -Infinity
  rows.forEach((row, r) => {
    if (row.length !== width) throw new RangeError(`Row ${r} has ${row.length} cells where row 0 has ${width}`)
    checkScoreValues(`Row ${r}`, row)
    row.forEach((cell, c) => {
      if (cell === null) return
      values[r * width + c] = cell
      present[r * width + c] = 1
      lowest = Math.min(lowest, cell)
      highest = Math.max(highest, cell)
    })
  })
  const apart = highest > lowest ? (highest - lowest) * Math.sqrt(width) + 1 : 1
  const distances = allocateDistances(n)
  let at = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let sum = 0
      let shared = 0
      for (let c = 0; c < width; c++) {
        if (present[i * width + c] === 0 || present[j * width + c] === 0) continue
        const diff = (values[i * width + c] as number) - (values[j * width + c] as number)
        sum += diff * diff
        shared++
      }
      distances[at++] = shared === 0 ? apart : Math.sqrt((width / shared) * sum)
    }
  }
  return distances
}
