import { DisjointSets } from './union-find'

/**
 * How many separate buyers a list of organisations makes when each partnership (a shared service) buys
 * as one. Overlapping partnerships chain: if A shares a service with X and X shares another with B, the
 * three buy together, so A and B are one buyer even when X is not in the list. An organisation in no
 * partnership is its own buyer; an organisation listed twice counts once.
 */
export function distinctBuyers(organisations: readonly string[], partnerships: readonly (readonly string[])[]): number {
  const index = new Map<string, number>()
  const indexOf = (gss: string): number => {
    let i = index.get(gss)
    if (i === undefined) {
      i = index.size
      index.set(gss, i)
    }
    return i
  }
  const listed = new Set(organisations.map(indexOf))
  const links: [number, number][] = []
  for (const partnership of partnerships) {
    const [first, ...rest] = partnership
    if (first === undefined) continue
    const a = indexOf(first)
    for (const member of rest) links.push([a, indexOf(member)])
  }
  const sets = new DisjointSets(index.size)
  for (const [a, b] of links) sets.union(a, b)
  return new Set([...listed].map(i => sets.find(i))).size
}
