import { CSV_COLUMNS, MAX_IMPORT_ROWS } from '../../domain/pipeline/csv-import'
import {
  ROUTES,
  ROUTE_LABELS,
  STATUSES,
  STATUS_LABELS,
  VALUE_BANDS,
  VALUE_BAND_LABELS,
} from '../../domain/pipeline/entry'
import type { Organisation } from '../../domain/organisation'
import { paths } from '../../paths'
import type { EntryFormOptions } from './entry-form.presenter'
import { withOrganisation } from './pipeline.presenter'
import { rowHeader, type TableCell, type TableHeadCell } from '../govuk-params'
import { code, joinHtml, text } from '../html'
import { listOf } from './cell-html'

type Header = (typeof CSV_COLUMNS)[number]['header']

/** The type of the import page's view model: its links, and each column of the file with what it may hold. */
export interface ImportView {
  caption: string
  backHref: string
  templateHref: string
  maxRows: number
  slug: string | undefined
  /** The columns of the file: each header as it is typed, what it holds, and the values a list column takes. */
  columns: { head: TableHeadCell[]; rows: TableCell[][] }
}

const keyed = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map(v => `${v} (${labels[v]})`)

function describe(options: EntryFormOptions): Record<Header, [string, string[]]> {
  return {
    category: ['Required. One of the shared categories:', options.categories.map(c => `${c.key} (${c.name})`)],
    current_system: ['Optional. The product in use now. 200 characters at most.', []],
    supplier: ['Optional. The current supplier. 200 characters at most.', []],
    contract_end: ['Optional. When the current contract ends, as 2028-03-31 or 31/03/2028.', []],
    planned_start: ['Optional. When work starts, as 2027-04-01 or 01/04/2027; on or before the contract end.', []],
    route: ['Required. One of:', keyed(ROUTES, ROUTE_LABELS)],
    value_band: ['Required. One of:', keyed(VALUE_BANDS, VALUE_BAND_LABELS)],
    status: ['Required. One of:', keyed(STATUSES, STATUS_LABELS)],
    maturity_area: [
      'Optional. A dimension or theme key of the maturity questionnaire:',
      options.dimensions.flatMap(d => [`${d.key} (${d.title})`, ...d.themes.map(t => `${t.key} (${t.title})`)]),
    ],
    notes: ['Optional. 2,000 characters at most.', []],
    shareable: [
      'Optional. yes to let councils planning the same see this plan is yours; no (or blank) to be counted without your name. true, false, y, n, 1 and 0 work too.',
      [],
    ],
  }
}

/** The page to import entries from a CSV file, describing every column the file may have. */
export function importView(
  organisation: Organisation,
  slug: string | undefined,
  options: EntryFormOptions,
): ImportView {
  const described = describe(options)
  return {
    caption: organisation.name,
    backHref: withOrganisation(paths.pipeline, slug),
    templateHref: withOrganisation(paths.pipelineTemplate, slug),
    maxRows: MAX_IMPORT_ROWS,
    slug,
    columns: {
      head: [{ text: 'Column' }, { text: 'What it holds' }],
      rows: CSV_COLUMNS.map(c => {
        const [holds, allowed] = described[c.header]
        const values = allowed.length > 0 ? [listOf(allowed, 'govuk-list govuk-body-s')] : []
        return [rowHeader({ html: code(c.header) }), { html: joinHtml([text(holds), ...values]) }]
      }),
    },
  }
}
