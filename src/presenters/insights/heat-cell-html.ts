import { readFileSync } from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'
import { PROJECT_ROOT } from '../../project-root'
import type { Html } from '../html'
import type { CellView } from './heatmap.presenter'
import type { TableCell } from '../govuk-params'
import type { TreeView } from './similarity-tree.presenter'

let compiled: ejs.TemplateFunction | undefined

/**
 * What a heat cell holds, from views/partials/heatmap-cell.ejs compiled once. Including the partial for
 * every cell made EJS look for the file on disk each time (an existsSync per include): a tenth of the
 * heatmap page's time. The partial escapes every part it prints, as src/presenters/html.ts does, so its
 * output is `Html`.
 */
export function heatCellHtml(cell: CellView): Html {
  compiled ??= ejs.compile(readFileSync(path.join(PROJECT_ROOT, 'views', 'partials', 'heatmap-cell.ejs'), 'utf8'))
  return compiled({ cell }).trimEnd() as Html
}

/**
 * A heat cell as a cell of the GOV.UK table partial: its shade and weak frame as classes. `app-heat` is
 * numeric already (public/scss/app.scss), so the cell carries no `format` of its own.
 */
export const heatTableCell = (cell: CellView): TableCell => ({
  html: heatCellHtml(cell),
  classes: `app-heat ${cell.classes}`,
})

let compiledTree: ejs.TemplateFunction | undefined

/** The similarity tree's picture, from views/partials/heatmap-tree.ejs, which escapes what it prints. */
export function treeHtml(tree: TreeView): Html {
  compiledTree ??= ejs.compile(readFileSync(path.join(PROJECT_ROOT, 'views', 'partials', 'heatmap-tree.ejs'), 'utf8'))
  return compiledTree({ tree }).trimEnd() as Html
}
