import type { GeographicCluster } from '../../domain/insights'
import { TILE_GRID, type Organisation } from '../../domain/organisation'
import { listed } from './clusters.presenter'
import { TILE_GAP as GAP, TILE_SIZE as SIZE, TILE_STEP as UNIT, tileLabel } from './tile-labels'

export interface ClusterTile {
  gss: string
  name: string
  label: string
  x: number
  y: number
  /** The cluster's letter, for a member; empty otherwise. */
  letter: string
  member: boolean
  /** The tile's tooltip: the full name, and its cluster. */
  title: string
  textX: number
  labelY: number
  letterY: number
}

export interface ClusterMapView {
  id: string
  captionId: string
  patternId: string
  title: string
  /** What the map shows in words: which neighbours are weak together under which letter. */
  summary: string
  svg: { width: number; height: number; tile: number }
  tiles: ClusterTile[]
}

/** A, B, … Z, then AA, AB: a column rarely has more than a few clusters, but the letters never run out. */
export const clusterLetter = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : clusterLetter(Math.floor(i / 26) - 1) + clusterLetter(i % 26)

/**
 * A small London tile map for one column: every authority's tile and label, the members of each
 * geographic cluster on that column outlined, patterned and lettered, so no colour is needed to see them.
 */
export function clusterMapView(
  column: { key: string; title: string },
  clusters: readonly GeographicCluster[],
  organisations: readonly Organisation[],
): ClusterMapView {
  const letterOf = new Map(clusters.flatMap((c, i) => c.organisations.map(gss => [gss, clusterLetter(i)] as const)))
  const tiles = organisations.flatMap((o): ClusterTile[] => {
    if (!o.tile) return []
    const x = o.tile.x * UNIT + GAP / 2
    const y = o.tile.y * UNIT + GAP / 2
    const letter = letterOf.get(o.gss) ?? ''
    return [
      {
        gss: o.gss,
        name: o.name,
        label: tileLabel(o.gss, o.name),
        x,
        y,
        letter,
        member: letter !== '',
        title: letter === '' ? o.name : `${o.name}, cluster ${letter}`,
        textX: x + SIZE / 2,
        labelY: y + 24,
        letterY: y + 44,
      },
    ]
  })
  const id = `cluster-map-${column.key.replace(/[^A-Za-z0-9-]/g, '-')}`
  const each = clusters.map((c, i) => `${clusterLetter(i)}, ${c.organisations.length} authorities`)
  return {
    id,
    captionId: `${id}-caption`,
    patternId: `${id}-pattern`,
    title: `Neighbours weak together on ${column.title}`,
    summary: `${clusters.length === 1 ? 'One cluster' : `${clusters.length} clusters`}, outlined, striped and lettered: ${listed(each)}. The table names them.`,
    svg: { width: TILE_GRID.width * UNIT, height: TILE_GRID.height * UNIT, tile: SIZE },
    tiles,
  }
}
