export interface Tile {
  x: number
  y: number
}

export interface Organisation {
  id: number
  gss: string
  name: string
  officialName: string
  slug: string
  inner: boolean
  tile: Tile | null
}

/** Reference facts about an authority, as kept in seeds/data. */
export interface AuthorityFacts {
  gss: string
  name: string
  officialName: string
  slug: string
  inner: boolean
  tile: Tile
  neighbours: string[]
}

export const TILE_GRID = { width: 8, height: 7 } as const

/** Every problem with a list of authority facts, so bad reference data never reaches the database. */
export function checkAuthorityFacts(authorities: readonly AuthorityFacts[]): string[] {
  const problems: string[] = []
  const byGss = new Map(authorities.map(a => [a.gss, a]))
  const seen = { gss: new Set<string>(), slug: new Set<string>(), tile: new Set<string>() }
  for (const a of authorities) {
    const tile = `${a.tile.x},${a.tile.y}`
    if (!/^E09\d{6}$/.test(a.gss)) problems.push(`${a.gss}: not a London GSS code`)
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(a.slug))
      problems.push(`${a.gss}: slug "${a.slug}" is not lower-case and hyphenated`)
    if (seen.gss.has(a.gss)) problems.push(`${a.gss}: GSS code listed twice`)
    if (seen.slug.has(a.slug)) problems.push(`${a.gss}: slug "${a.slug}" listed twice`)
    if (seen.tile.has(tile)) problems.push(`${a.gss}: tile ${tile} already taken`)
    const { x, y } = a.tile
    if (
      !Number.isInteger(x) ||
      !Number.isInteger(y) ||
      x < 0 ||
      y < 0 ||
      x >= TILE_GRID.width ||
      y >= TILE_GRID.height
    ) {
      problems.push(`${a.gss}: tile ${tile} is off the ${TILE_GRID.width}×${TILE_GRID.height} grid`)
    }
    seen.gss.add(a.gss)
    seen.slug.add(a.slug)
    seen.tile.add(tile)
    for (const n of a.neighbours) {
      if (n === a.gss) problems.push(`${a.gss}: lists itself as a neighbour`)
      else if (!byGss.has(n)) problems.push(`${a.gss}: neighbour ${n} is not in the list`)
      else if (!byGss.get(n)?.neighbours.includes(a.gss))
        problems.push(`${a.gss}: neighbour ${n} does not list it back`)
    }
  }
  return problems
}
