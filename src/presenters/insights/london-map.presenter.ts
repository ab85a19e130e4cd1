import { TILE_GRID, type Organisation } from '../../domain/organisation'
import type { Heatmap } from '../../services/insights/insights.service'
import { paths } from '../../paths'
import { link } from '../html'
import { heatTableCell } from './heat-cell-html'
import { legendBands, shadeClass, type Band } from './heat-scale'
import { heatCell, overallTitle, rowViews, type CellView } from './heatmap.presenter'
import { TILE_GAP as GAP, TILE_SIZE as SIZE, TILE_STEP as UNIT, tileLabel } from './tile-labels'
import type { Table, TableRow } from '../govuk-params'
import { plural } from '../../domain/format/plurals'

export interface MapTile {
  gss: string
  name: string
  label: string
  /** The tile's top-left corner in SVG units. */
  x: number
  y: number
  /** The score to two decimals, or a dash where there is none. */
  short: string
  weak: boolean
  /** The heatmap's shade, so a score has the same colour on the map as in the heatmap. */
  className: string
  hasScore: boolean
  /** The full name and what the table says: the tile's tooltip, and its link's accessible name. */
  title: string
  /** The organisation's page, which the tile links to. */
  href: string
  /**
   * The link's accessible name: what the tile shows first (so a voice user can say it), then the full
   * name: "NWM 1.00, Newham, weak", or "STN, Sutton: Not taking part" where there is no score.
   */
  linkName: string
  /** The tile group's classes: its shade, and weak or empty where it is. */
  classes: string
  /** The weak tile's inner outline, inset from the square. */
  inner: { x: number; y: number; size: number }
  /** Where the label and the score sit, centred in the tile. */
  textX: number
  labelY: number
  scoreY: number
}

export interface TileMap {
  key: string
  /** The figure's id, from which its caption's and hatch pattern's ids are made. */
  id: string
  captionId: string
  hatchId: string
  /** How many scored authorities are weak, in words. */
  summary: string
  title: string
  weakCount: number
  scoredCount: number
  tiles: MapTile[]
}

export interface LondonMapView {
  svg: { width: number; height: number; tile: number }
  columns: { key: string; title: string }[]
  maps: TileMap[]
  bands: Band[]
  /**
   * Every authority, taking part or not, with the heatmap's own cells: the same numbers, the same words;
   * each authority named by a link to its page.
   */
  table: Table<TableRow>
}

const spoken = (cell: CellView) => `${cell.spoken ?? cell.text}${cell.weak ? ', weak' : ''}`

/** Small multiples of the London Squared tile map, overall first, and the table that carries the same numbers. */
export function londonMapView(heatmap: Heatmap, organisations: readonly Organisation[]): LondonMapView {
  const threshold = heatmap.query.threshold
  const columns = [{ key: 'overall', title: overallTitle(heatmap) }, ...heatmap.scope.columns]
  const views = new Map(rowViews(heatmap).map(r => [r.gss, [r.overall, ...r.cells]]))
  const scores = new Map(heatmap.rows.map(r => [r.organisation.gss, [r.parentScore, ...r.cells.map(c => c.score)]]))
  const absent = heatCell({ text: 'Not taking part', weak: false, className: shadeClass(null, threshold) })
  const placed = [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))

  const maps = columns.map((column, i): TileMap => {
    const tiles = placed.flatMap((o): MapTile[] => {
      if (!o.tile) return []
      const cell = views.get(o.gss)?.[i] ?? absent
      const score = scores.get(o.gss)?.[i] ?? null
      const x = o.tile.x * UNIT + GAP / 2
      const y = o.tile.y * UNIT + GAP / 2
      return [
        {
          gss: o.gss,
          name: o.name,
          label: tileLabel(o.gss, o.name),
          x,
          y,
          short: score === null ? '–' : score.toFixed(2),
          weak: cell.weak,
          className: cell.className,
          hasScore: score !== null,
          title: `${o.name}: ${spoken(cell)}`,
          href: paths.organisation(o.slug),
          linkName:
            score === null
              ? `${tileLabel(o.gss, o.name)}, ${o.name}: ${spoken(cell)}`
              : `${tileLabel(o.gss, o.name)} ${score.toFixed(2)}, ${o.name}${cell.weak ? ', weak' : ''}`,
          classes: `${cell.className}${cell.weak ? ' app-map-tile--weak' : ''}${score === null ? ' app-map-tile--empty' : ''}`,
          inner: { x: x + 3.5, y: y + 3.5, size: SIZE - 7 },
          textX: x + SIZE / 2,
          labelY: y + 24,
          scoreY: y + 44,
        },
      ]
    })
    const weakCount = tiles.filter(t => t.weak).length
    const scoredCount = tiles.filter(t => t.hasScore).length
    const id = `map-${column.key.replace(/[^A-Za-z0-9-]/g, '-')}`
    return {
      ...column,
      id,
      captionId: `${id}-caption`,
      hatchId: `${id}-hatch`,
      summary: `${weakCount} of ${plural(scoredCount, 'scored authority', 'scored authorities')} weak, below ${threshold.toFixed(2)}`,
      weakCount,
      scoredCount,
      tiles,
    }
  })
  return {
    svg: { width: TILE_GRID.width * UNIT, height: TILE_GRID.height * UNIT, tile: SIZE },
    columns,
    maps,
    bands: legendBands(threshold),
    table: {
      head: [
        { text: 'Authority' },
        ...columns.map(c => ({ text: c.title, format: 'numeric' as const, classes: 'app-heatmap__column' })),
      ],
      rows: placed.map(o => ({
        attributes: { 'data-gss': o.gss },
        cells: [
          { html: link(paths.organisation(o.slug), o.name), header: true, classes: 'app-table__row-header' },
          ...(views.get(o.gss) ?? columns.map(() => absent)).map(heatTableCell),
        ],
      })),
    },
  }
}
