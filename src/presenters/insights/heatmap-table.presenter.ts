import type { Table, TableCell, TableHeadCell, TableRow } from '../govuk-params'
import { element, joinHtml, link, text } from '../html'
import { heatTableCell, treeHtml } from './heat-cell-html'
import type { ColumnView, RowView } from './heatmap.presenter'
import type { TreeView } from './similarity-tree.presenter'

/** The state most rows share (the first of those that tie), said once beside the table rather than in every row. */
export function usualState(rows: readonly RowView[]): string | undefined {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1)
  let usual: string | undefined
  for (const [state, count] of counts) if (usual === undefined || count > (counts.get(usual) ?? 0)) usual = state
  return usual
}

/** "All 33 assessments are moderated.", or how many are and that the Status column names the rest. */
export function stateSummary(rows: readonly RowView[]): string {
  const usual = usualState(rows)
  if (usual === undefined) return ''
  const n = rows.length
  const count = rows.filter(r => r.state === usual).length
  const word = usual.toLowerCase()
  if (count === n) return n === 1 ? `Its assessment is ${word}.` : `All ${n} assessments are ${word}.`
  const others = n - count
  return `${count} of ${n} assessments are ${word}; the Status column gives the state of the other ${others === 1 ? 'one' : others}.`
}

/**
 * A column's header: a link down a level, or a question's short name as a button that shows its full
 * prompt on hover and on focus (public/scss/_heatmap-table.scss) and is described by it.
 */
function columnHeader(c: ColumnView): TableHeadCell {
  const attributes = { 'data-key': c.key }
  if (c.href) return { html: link(c.href, c.label), format: 'numeric', classes: 'app-heatmap__column', attributes }
  if (!c.prompt || !c.promptId) return { text: c.label, format: 'numeric', classes: 'app-heatmap__column', attributes }
  const button = element('button', text(c.label), {
    type: 'button',
    class: 'app-heatmap__question',
    'aria-describedby': c.promptId,
  })
  const tip = element('span', text(c.prompt), { id: c.promptId, role: 'tooltip', class: 'app-heatmap__tooltip' })
  return { html: joinHtml([button, tip]), format: 'numeric', classes: 'app-heatmap__column', attributes }
}

export interface HeatmapTableOptions {
  /** The heading of the first score column: "Overall", or the dimension or theme the columns divide. */
  overallTitle: string
  /** Drawn beside the rows when they are in similarity order. */
  tree?: TreeView
}

/** The tree's cell: beside every row at once, hidden from screen readers, which read its summary instead. */
const treeCell = (tree: TreeView, rows: number): TableCell => ({
  html: treeHtml(tree),
  rowspan: rows,
  classes: 'app-heatmap__tree',
  attributes: { 'aria-hidden': 'true' },
})

/**
 * The heatmap as the GOV.UK table partial takes it: each organisation named by a link to its page, its state
 * only where it is not the usual one, and a row not handed in said once across its score columns.
 */
export function heatmapTableView(
  columns: ColumnView[],
  rows: RowView[],
  { overallTitle, tree }: HeatmapTableOptions,
): Table<TableRow> {
  const usual = usualState(rows)
  const showStatus = rows.some(r => r.state !== usual)
  const status = (r: RowView): TableCell[] =>
    showStatus ? [{ text: r.state === usual ? '' : r.state, classes: 'app-heatmap__status' }] : []
  const scores = (r: RowView): TableCell[] =>
    r.scored
      ? [r.overall, ...r.cells].map(heatTableCell)
      : [{ text: r.overall.text, colspan: columns.length + 1, classes: 'app-heatmap__unscored' }]
  return {
    head: [
      { text: 'Organisation', classes: 'app-heatmap__organisation' },
      ...(showStatus ? [{ text: 'Status', classes: 'app-heatmap__status' }] : []),
      { text: overallTitle, format: 'numeric', classes: 'app-heatmap__column app-heatmap__overall' },
      ...columns.map(columnHeader),
      ...(tree ? [{ text: '', classes: 'app-heatmap__tree', attributes: { 'aria-hidden': 'true' } }] : []),
    ],
    rows: rows.map((r, i) => ({
      attributes: { 'data-gss': r.gss },
      cells: [
        { html: link(r.href, r.name), header: true, classes: 'app-table__row-header app-heatmap__organisation' },
        ...status(r),
        ...scores(r),
        ...(tree && i === 0 ? [treeCell(tree, rows.length)] : []),
      ],
    })),
  }
}
