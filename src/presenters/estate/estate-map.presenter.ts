import type { AnalysedEntry } from '../../domain/estate/analysis'
import { TILE_GRID } from '../../domain/organisation'
import type { EstateMapReport } from '../../services/estate/estate-analysis.service'
import { plural } from '../../domain/format/plurals'
import { paths } from '../../paths'
import { rowHeader, type TableCell, type TableHeadCell } from '../govuk-params'
import { link, text } from '../html'
import { authorityLink } from '../pipeline/cell-html'
import { TILE_GAP, TILE_SIZE, TILE_STEP, tileLabel } from '../insights/tile-labels'

/** Past this many products, the rest share one "Other" swatch: more colours than this cannot be told apart. */
export const MAX_PRODUCT_SWATCHES = 8

/** Colour-blind-safe (Okabe–Ito) fills; each also carries a letter, so colour is never the only signal. */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000']
const DARK_TEXT = new Set(['#e69f00', '#56b4e9', '#f0e442', '#009e73', '#cc79a7'])
const OTHER = { letter: '+', fill: '#b1b4b6', textFill: '#0b0c0c' }

export interface LegendItem {
  letter: string
  fill: string
  label: string
  authorities: number
}

/** A legend line as printed: the product's letter and how many authorities run it, in words. */
export type LegendLine = LegendItem & { count: string }

export interface EstateTile {
  gss: string
  x: number
  y: number
  textX: number
  labelY: number
  letterY: number
  label: string
  letter: string
  fill: string
  textFill: string
  hatched: boolean
  title: string
}

export interface EstateMapView {
  categoryItems: { value: string; text: string; selected: boolean }[]
  categoryName: string
  summary: string
  svg: { width: number; height: number; tile: number }
  legend: LegendLine[]
  tiles: EstateTile[]
  hasEntries: boolean
  table: { head: TableHeadCell[]; rows: TableCell[][] }
}

/** Products by how many authorities run them, most first; the first eight get a swatch, the rest "Other". */
export function productSwatches(entries: readonly AnalysedEntry[]) {
  const byProduct = new Map<number, { name: string; supplier: string; authorities: Set<string> }>()
  for (const e of entries) {
    const p = byProduct.get(e.productId) ?? { name: e.productName, supplier: e.supplierName, authorities: new Set() }
    p.authorities.add(e.organisation)
    byProduct.set(e.productId, p)
  }
  const ranked = [...byProduct].sort(
    (a, b) => b[1].authorities.size - a[1].authorities.size || a[1].name.localeCompare(b[1].name, 'en-GB'),
  )
  const swatch = new Map<number, { letter: string; fill: string; textFill: string }>()
  const legend: LegendItem[] = []
  ranked.forEach(([id, p], i) => {
    if (i < MAX_PRODUCT_SWATCHES && !(i === MAX_PRODUCT_SWATCHES - 1 && ranked.length > MAX_PRODUCT_SWATCHES)) {
      const fill = PALETTE[i] ?? OTHER.fill
      const s = { letter: String.fromCharCode(65 + i), fill, textFill: DARK_TEXT.has(fill) ? '#0b0c0c' : '#ffffff' }
      swatch.set(id, s)
      legend.push({ letter: s.letter, fill, label: `${p.name} (${p.supplier})`, authorities: p.authorities.size })
    } else swatch.set(id, OTHER)
  })
  const others = ranked.filter(([id]) => swatch.get(id) === OTHER)
  if (others.length > 0)
    legend.push({
      letter: OTHER.letter,
      fill: OTHER.fill,
      label: `Other products (${others.length})`,
      authorities: new Set(others.flatMap(([, p]) => [...p.authorities])).size,
    })
  return { swatch, legend, rank: new Map(ranked.map(([id], i) => [id, i])) }
}

export function estateMapView(report: EstateMapReport): EstateMapView {
  const { swatch, legend, rank } = productSwatches(report.entries)
  const byAuthority = new Map<string, AnalysedEntry[]>()
  for (const e of report.entries) byAuthority.set(e.organisation, [...(byAuthority.get(e.organisation) ?? []), e])
  const placed = [...report.organisations].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  const tiles = placed.flatMap((o): EstateTile[] => {
    if (!o.tile) return []
    // An authority running several products is shaded by its most widely used one; the table lists them all.
    const own = [...(byAuthority.get(o.gss) ?? [])].sort(
      (a, b) => (rank.get(a.productId) ?? 0) - (rank.get(b.productId) ?? 0),
    )
    const first = own[0]
    const s = first ? swatch.get(first.productId) : undefined
    const x = o.tile.x * TILE_STEP + TILE_GAP / 2
    const y = o.tile.y * TILE_STEP + TILE_GAP / 2
    const names = [...new Set(own.map(e => e.productName))]
    return [
      {
        gss: o.gss,
        x,
        y,
        textX: x + TILE_SIZE / 2,
        labelY: y + 22,
        letterY: y + 44,
        label: tileLabel(o.gss, o.name),
        letter: s?.letter ?? '–',
        fill: s?.fill ?? '#ffffff',
        textFill: s?.textFill ?? '#0b0c0c',
        hatched: s === undefined,
        title: `${o.name}: ${names.length === 0 ? 'none recorded' : names.join(' and ')}`,
      },
    ]
  })
  const running = byAuthority.size
  return {
    categoryItems: report.categories.map(c => ({
      value: c.key,
      text: c.name,
      selected: c.key === report.category?.key,
    })),
    categoryName: report.category?.name ?? '',
    summary:
      running === 0
        ? 'No authority has a system of this kind on its register yet.'
        : `${running} of ${report.organisations.length} authorities have a system of this kind on their register, running ${plural(rank.size, 'product')}.`,
    svg: { width: TILE_GRID.width * TILE_STEP, height: TILE_GRID.height * TILE_STEP, tile: TILE_SIZE },
    legend: legend.map(l => ({ ...l, count: plural(l.authorities, 'authority', 'authorities') })),
    tiles,
    hasEntries: report.entries.length > 0,
    table: {
      head: [{ text: 'Authority' }, { text: 'Product' }, { text: 'Supplier' }, { text: 'Key on the map' }],
      rows: report.entries.map(e => [
        rowHeader({ html: authorityLink({ name: e.organisationName, slug: e.organisationSlug }) }),
        { html: link(paths.product(e.productId), e.productName) },
        { html: text(e.supplierName) },
        { text: swatch.get(e.productId)?.letter ?? '' },
      ]),
    },
  }
}
