import { ESTATE_CSV_COLUMNS, MAX_ESTATE_IMPORT_ROWS } from '../../domain/estate/csv-import'
import {
  COST_BANDS,
  COST_BAND_LABELS,
  HOSTINGS,
  HOSTING_LABELS,
  type StandardVersion,
} from '../../domain/estate/estate'
import { dateTime } from '../../domain/format/dates'
import type { Organisation } from '../../domain/organisation'
import type { PipelineCategory } from '../../domain/pipeline/entry'
import { paths } from '../../paths'
import type { EstateEntryView } from '../../services/estate/estate.service'
import { rowHeader, type SummaryListRow, type TableCell, type TableHeadCell } from '../govuk-params'
import { code, joinHtml, text } from '../html'
import { listOf } from '../pipeline/cell-html'
import { withOrganisation } from '../pipeline/pipeline.presenter'
import { contractEndText } from './register.presenter'

/** Where each row's Change link takes the reader: the field of the form below it. */
const FIELD_ANCHORS = {
  Category: '#categoryKey',
  'Product and supplier': '#productId',
  Hosting: '#hosting',
  'Contract ends': '#contractEnd-day',
  'Annual cost': '#costBand',
  'Shared with other authorities': '#shareable',
  Notes: '#notes',
} as const

/** An entry as rows of a summary list; with Change links to the form's fields for those who may change it. */
export function estateSummaryRows(e: EstateEntryView, changeable: boolean): SummaryListRow[] {
  const values: Record<keyof typeof FIELD_ANCHORS, string> = {
    Category: e.categoryName,
    'Product and supplier': `${e.product.name}, from ${e.product.supplier.name}`,
    Hosting: HOSTING_LABELS[e.hosting],
    'Contract ends': contractEndText(e.contractEnd),
    'Annual cost': e.costBand ? COST_BAND_LABELS[e.costBand] : 'Not given',
    'Shared with other authorities': e.shareable ? 'Yes: other authorities can see that you run it' : 'No',
    Notes: e.limited ? 'Only the authority sees its notes' : (e.notes ?? 'None'),
  }
  return (Object.keys(FIELD_ANCHORS) as (keyof typeof FIELD_ANCHORS)[]).map(key => ({
    key: { text: key },
    value: { text: values[key] },
    ...(changeable
      ? {
          actions: {
            items: [{ href: FIELD_ANCHORS[key], text: 'Change', visuallyHiddenText: key.toLowerCase() }],
          },
        }
      : {}),
  }))
}

/** The type of an entry's page: the entry, where its ratings are, and (for writers) the form to change it. */
export interface EstateEntryPageView {
  caption: string
  heading: string
  backHref: string
  backText: string
  rows: SummaryListRow[]
  updatedAt: string
  hasRatings: boolean
  /** Each published standard: a link to its ratings and how the system measures up so far. */
  ratings: { href: string; text: string; detail: string }[]
  ratingsEmpty: string
  canWrite: boolean
  deleteHref: string
}

export function estateEntryPageView(
  entry: EstateEntryView,
  canWrite: boolean,
  backHref: string,
  standards: readonly StandardVersion[],
  summaries: readonly { standard: { key: string; version: number }; words: string }[] = [],
): EstateEntryPageView {
  return {
    caption: entry.organisation.name,
    heading: `${entry.product.name}: ${entry.categoryName}`,
    backHref,
    backText: 'Back to the register',
    rows: estateSummaryRows(entry, canWrite),
    updatedAt: dateTime(entry.updatedAt),
    ratings: standards.map(s => {
      const rated = summaries.find(r => r.standard.key === s.key && r.standard.version === s.version)
      const verb = !canWrite ? 'See ratings against' : rated ? 'Change ratings against' : 'Rate it against'
      return {
        href: paths.estateRatings(entry.id, s.key, s.version),
        text: `${verb} the ${s.title} (version ${s.version})`,
        detail: rated ? rated.words : 'Not rated yet',
      }
    }),
    hasRatings: standards.length > 0,
    ratingsEmpty: 'No standard has been published to rate systems against yet.',
    canWrite,
    deleteHref: paths.estateDelete(entry.id),
  }
}

/** The type of the check before a system is removed from the register. */
export interface EstateDeleteView {
  caption: string
  backHref: string
  action: string
  revision: number
  rows: SummaryListRow[]
}

export function estateDeleteView(entry: EstateEntryView): EstateDeleteView {
  return {
    caption: entry.organisation.name,
    backHref: paths.estateEntry(entry.id),
    action: paths.estateDelete(entry.id),
    revision: entry.revision,
    rows: estateSummaryRows(entry, false),
  }
}

/** The type of the import page: its links, and each column of the file with what it may hold. */
export interface EstateImportView {
  caption: string
  backHref: string
  templateHref: string
  action: string
  maxRows: number
  slug: string | undefined
  columns: { head: TableHeadCell[]; rows: TableCell[][] }
}

type Header = (typeof ESTATE_CSV_COLUMNS)[number]['header']

function describe(categories: readonly PipelineCategory[]): Record<Header, [string, string[]]> {
  return {
    category: ['Required. One of the shared categories:', categories.map(c => `${c.key} (${c.name})`)],
    product: ['Required. The product’s name as the catalogue has it, in capitals or not.', []],
    supplier: ['Optional. The supplier’s name, when more than one supplier sells a product of that name.', []],
    hosting: ['Required. One of:', HOSTINGS.map(h => `${h} (${HOSTING_LABELS[h]})`)],
    contract_end: ['Optional. When the contract ends, as 2028-03-31 or 31/03/2028.', []],
    cost_band: ['Optional. The annual cost, one of:', COST_BANDS.map(b => `${b} (${COST_BAND_LABELS[b]})`)],
    shareable: ['Optional. yes to let other authorities see that you run it; no (or blank) otherwise.', []],
    notes: ['Optional. 2,000 characters at most.', []],
  }
}

export function estateImportView(
  organisation: Organisation,
  slug: string | undefined,
  categories: readonly PipelineCategory[],
): EstateImportView {
  const described = describe(categories)
  return {
    caption: organisation.name,
    backHref: slug ? paths.estateOrganisation(slug) : paths.estate,
    templateHref: paths.estateTemplate,
    action: paths.estateImport,
    maxRows: MAX_ESTATE_IMPORT_ROWS,
    slug,
    columns: {
      head: [{ text: 'Column' }, { text: 'What it holds' }],
      rows: ESTATE_CSV_COLUMNS.map(c => {
        const [holds, allowed] = described[c.header]
        const values = allowed.length > 0 ? [listOf(allowed, 'govuk-list govuk-body-s')] : []
        return [rowHeader({ html: code(c.header) }), { html: joinHtml([text(holds), ...values]) }]
      }),
    },
  }
}

export { withOrganisation }
