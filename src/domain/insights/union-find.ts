/**
 * Disjoint sets over the indices 0..size-1, with path halving and union by size, so any sequence of
 * unions and finds costs next to nothing even at 10,000 organisations.
 */
export class DisjointSets {
  private readonly parent: Int32Array
  private readonly size: Int32Array

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i)
    this.size = new Int32Array(size).fill(1)
  }

  find(i: number): number {
    let x = i
    for (let p = this.parent[x] as number; p !== x; p = this.parent[x] as number) {
      const grand = this.parent[p] as number
      this.parent[x] = grand
      x = grand
    }
    return x
  }

  /** Joins the sets of a and b; false when they were already one. */
  union(a: number, b: number): boolean {
    let ra = this.find(a)
    let rb = this.find(b)
    if (ra === rb) return false
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra]
    this.parent[rb] = ra
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number)
    return true
  }

  /** The sets, each listing its members in ascending order, ordered by their smallest member. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>()
    for (let i = 0; i < this.parent.length; i++) {
      const root = this.find(i)
      const group = byRoot.get(root)
      if (group) group.push(i)
      else byRoot.set(root, [i])
    }
    return [...byRoot.values()]
  }
}
