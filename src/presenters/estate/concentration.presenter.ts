import { longDate } from '../../domain/format/dates'
import { plural, wholeNumber } from '../../domain/format/plurals'
import type { CategoryConcentration, ConcentrationReport } from '../../services/estate/estate-analysis.service'
import { paths } from '../../paths'
import { rowHeader, type TableCell, type TableHeadCell } from '../govuk-params'
import { element, joinHtml, text, type Html } from '../html'

export const percent = (share: number): string => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`

/** The index in words, to read inside a sentence: "3,800, highly concentrated (the line is 2,500)". */
export const hhiText = (c: Pick<CategoryConcentration, 'hhi' | 'highlyConcentrated'>): string =>
  `${wholeNumber(Math.round(c.hhi))}, ${c.highlyConcentrated ? 'highly concentrated' : 'not highly concentrated'} (the line is 2,500)`

export interface ConcentrationTableView {
  key: string
  id: string
  title: string
  summary: string
  hhi: string
  highlyConcentrated: boolean
  head: TableHeadCell[]
  rows: TableCell[][]
}

export interface ConcentrationView {
  categoryItems: { value: string; text: string; selected: boolean }[]
  windowMonths: string
  from: string
  to: string
  hasTables: boolean
  tables: ConcentrationTableView[]
}

const endingHtml = (s: CategoryConcentration['suppliers'][number]): Html =>
  s.ending.length === 0
    ? element('span', text('None'), 'app-secondary-text')
    : joinHtml(
        s.ending.map(e => text(`${e.organisationName} (${e.productName}, ${longDate(e.contractEnd ?? '')})`)),
        text('; '),
      )

export function concentrationTable(c: CategoryConcentration): ConcentrationTableView {
  return {
    key: c.category.key,
    id: `concentration-${c.category.key}`,
    title: c.category.name,
    summary: `${plural(c.authorities, 'authority runs', 'authorities run')} a system of this kind from ${plural(c.suppliers.length, 'supplier')}`,
    hhi: hhiText(c),
    highlyConcentrated: c.highlyConcentrated,
    head: [
      { text: 'Supplier' },
      { text: 'Authorities', format: 'numeric' },
      { text: 'Share', format: 'numeric' },
      { text: 'Contracts ending in the window' },
    ],
    rows: c.suppliers.map(s => [
      rowHeader({ text: s.name }),
      { text: String(s.authorities), format: 'numeric' },
      { text: percent(s.share), format: 'numeric' },
      { html: endingHtml(s) },
    ]),
  }
}

export function concentrationView(report: ConcentrationReport): ConcentrationView {
  return {
    categoryItems: [
      { value: '', text: 'Every kind of system', selected: report.chosen === undefined },
      ...report.categories.map(c => ({ value: c.key, text: c.name, selected: c.key === report.chosen })),
    ],
    windowMonths: String(report.months),
    // A form shown again with its errors has no window.
    from: report.window.from === '' ? '' : longDate(report.window.from),
    to: report.window.to === '' ? '' : longDate(report.window.to),
    hasTables: report.concentrations.length > 0,
    tables: report.concentrations.map(concentrationTable),
  }
}

export const concentrationAction = paths.estateConcentration()
