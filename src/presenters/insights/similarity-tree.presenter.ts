import type { SimilarityTree } from '../../domain/insights/hierarchical'

/**
 * The similarity tree drawn beside the heatmap's rows: one unit of height a row, so a leaf sits at the
 * middle of its row whatever height the rows are drawn at; leaves at the left, each join as far right as
 * its two groups are apart, the last join at the right edge.
 */
export interface TreeView {
  /** The drawing's width in its own units; the picture is stretched to its cell. */
  width: number
  /** One unit per row of the table, scored or not. */
  height: number
  /** Every join as an elbow: along from each part, then down between them. */
  d: string
  /** The tree's first split in words, for those who cannot see it. */
  summary: string
}

export const TREE_WIDTH = 100
/** Room at the left, so the leaves' short stubs show where each row joins. */
const STUB = 6

const round = (n: number) => Math.round(n * 100) / 100

/** Where each cluster is drawn, and the places of the first and last rows under it. */
interface Node {
  x: number
  y: number
  first: number
  last: number
}

/** Undefined when there is nothing to draw: fewer than two rows have scores. */
export function treeView(
  tree: Pick<SimilarityTree, 'leaves' | 'merges'>,
  rowNames: readonly string[],
): TreeView | undefined {
  const { leaves, merges } = tree
  if (leaves < 2 || merges.length !== leaves - 1) return undefined
  const top = Math.max(...merges.map(m => m.distance))
  const scale = (distance: number) => (top > 0 ? STUB + (distance / top) * (TREE_WIDTH - STUB - 1) : STUB)
  const nodes: Node[] = Array.from({ length: leaves }, (_, i) => ({ x: 0, y: i + 0.5, first: i, last: i }))
  const d = merges.map(m => {
    const left = nodes[m.left] as Node
    const right = nodes[m.right] as Node
    const x = round(scale(m.distance))
    nodes.push({ x, y: (left.y + right.y) / 2, first: left.first, last: right.last })
    return `M${left.x} ${round(left.y)}H${x}V${round(right.y)}H${right.x}`
  })
  const root = merges.at(-1) as (typeof merges)[number]
  const [a, b] = [nodes[root.left] as Node, nodes[root.right] as Node]
  const group = (n: Node) => {
    const count = n.last - n.first + 1
    const names = count === 1 ? rowNames[n.first] : `${rowNames[n.first] ?? ''} to ${rowNames[n.last] ?? ''}`
    return `${count === 1 ? 'row' : 'rows'} ${n.first + 1}${count === 1 ? '' : ` to ${n.last + 1}`} (${names ?? ''})`
  }
  return {
    width: TREE_WIDTH,
    height: rowNames.length,
    d: d.join(''),
    summary: `The tree beside the rows joins the most alike organisations first; the further right a join, the less alike the groups it joins. Its first split is between ${group(a)} and ${group(b)}.`,
  }
}
