import { COST_BAND_LABELS, HOSTING_LABELS } from '../../domain/estate/estate'
import { longDate } from '../../domain/format/dates'
import { plural } from '../../domain/format/plurals'
import type { Organisation } from '../../domain/organisation'
import { paths } from '../../paths'
import type { EstateEntryView } from '../../services/estate/estate.service'
import { actionsHeader, rowHeader, type TableCell, type TableHeadCell } from '../govuk-params'
import { element, joinHtml, lineBreak, link, secondaryLine, text, type Html } from '../html'
import { withOrganisation } from '../pipeline/pipeline.presenter'

/** A contract's end as people write it, 31 March 2028, or that it is not known. */
export const contractEndText = (iso: string | null): string => (iso === null ? 'Not known' : longDate(iso))

const HEAD: TableHeadCell[] = [
  ...['Category', 'Product and supplier', 'Hosting', 'Contract ends', 'Annual cost', 'Shared', 'Ratings'].map(
    heading => ({
      text: heading,
    }),
  ),
  actionsHeader(),
]

/** Links to the estate's other pages, as a list: what each role may open from its register. */
function relatedLinks(links: readonly [string, string][]): Html {
  return element(
    'ul',
    joinHtml(links.map(([href, label]) => element('li', link(href, label)))),
    'govuk-list govuk-list--spaced',
  )
}

const RESPONDENT_LINKS: [string, string][] = [
  [paths.products, 'London’s product catalogue: propose a product that is not listed'],
  [paths.standards, 'The standards systems are rated against'],
]

const CENTRAL_LINKS: [string, string][] = [
  [paths.products, 'Product catalogue, with each product’s scorecard against a standard'],
  [paths.estateConcentration(), 'Supplier concentration in each category'],
  [paths.estateMap(), 'Map of who runs what, category by category'],
  [paths.standards, 'The standards systems are rated against'],
]

/** "Not rated yet", or against how many standards and how many points it does not meet. */
export function ratingsText(rated: readonly { summary: { doesNotMeet: number } }[]): string {
  if (rated.length === 0) return 'Not rated yet'
  const failing = rated.reduce((n, r) => n + r.summary.doesNotMeet, 0)
  const against = `Against ${plural(rated.length, 'standard')}`
  return failing === 0 ? against : `${against}; ${plural(failing, 'point does', 'points do')} not meet`
}

/** The type of one authority's register page. */
export interface RegisterView {
  caption: string
  showBack: boolean
  backHref: string
  canWrite: boolean
  newHref: string
  importHref: string
  intro: string
  hasEntries: boolean
  emptyText: string
  tableCaption: string
  head: TableHeadCell[]
  rows: TableCell[][]
  related: Html
}

export interface RegisterData {
  respondent: boolean
  organisation: Organisation
  slug: string | undefined
  canWrite: boolean
  entries: readonly EstateEntryView[]
  /** Each entry's ratings against the standards it has been rated against, by entry id. */
  ratings?: ReadonlyMap<number, readonly { summary: { doesNotMeet: number } }[]>
}

function actions(e: EstateEntryView, canWrite: boolean): Html {
  const which = `${e.product.name}, ${e.categoryName}`
  if (!canWrite) return link(paths.estateEntry(e.id), 'View', which)
  return joinHtml(
    [link(paths.estateEntry(e.id), 'Change', which), link(paths.estateDelete(e.id), 'Delete', which)],
    lineBreak,
  )
}

/** One authority's register: each system it runs as a row of a table. */
export function registerView(data: RegisterData): RegisterView {
  const n = data.entries.length
  const whose = data.respondent ? 'your authority runs' : 'this authority runs'
  return {
    caption: data.organisation.name,
    showBack: !data.respondent,
    backHref: paths.estate,
    canWrite: data.canWrite,
    newHref: paths.estateNew(withOrganisation('', data.slug)),
    importHref: withOrganisation(paths.estateImport, data.slug),
    intro: `The systems ${whose} today: what they are, where they are hosted and when their contracts end. Other authorities see a system named only when it is marked as shared.`,
    hasEntries: n > 0,
    emptyText: data.canWrite
      ? 'No systems recorded yet. Add each system you run, one at a time or all at once from a spreadsheet, starting with those whose contracts end soonest.'
      : 'No systems recorded yet.',
    tableCaption: plural(n, 'system'),
    head: HEAD,
    rows: data.entries.map(e => [
      rowHeader({ text: e.categoryName }),
      { html: joinHtml([text(e.product.name), secondaryLine(e.product.supplier.name)]) },
      { text: HOSTING_LABELS[e.hosting] },
      { text: contractEndText(e.contractEnd) },
      { text: e.costBand ? COST_BAND_LABELS[e.costBand] : 'Not given' },
      { text: e.shareable ? 'Yes' : 'No' },
      { text: ratingsText(data.ratings?.get(e.id) ?? []) },
      { html: actions(e, data.canWrite) },
    ]),
    related: relatedLinks(data.respondent ? RESPONDENT_LINKS : CENTRAL_LINKS),
  }
}

/** The type of the central roles' index: every authority with how many systems it has recorded. */
export interface RegistersView {
  related: Html
  intro: string
  caption: string
  head: TableHeadCell[]
  rows: TableCell[][]
}

export function registersView(
  counts: readonly { organisation: Organisation; count: number }[],
  admin: boolean,
): RegistersView {
  const recorded = counts.filter(c => c.count > 0).length
  return {
    related: relatedLinks(CENTRAL_LINKS),
    intro: `Each authority keeps its own register of the systems it runs.${admin ? ' Open one to add, change, import or delete systems on its behalf.' : ''}`,
    caption: `${plural(counts.length, 'authority', 'authorities')}, ${recorded} with systems recorded`,
    head: [{ text: 'Authority' }, { text: 'Systems', format: 'numeric' }],
    rows: counts.map(c => [
      rowHeader({ html: link(paths.estateOrganisation(c.organisation.slug), c.organisation.name) }),
      { text: String(c.count), format: 'numeric' },
    ]),
  }
}
