import type { Product } from '../../domain/estate/estate'
import type { PipelineCategory } from '../../domain/pipeline/entry'
import { paths } from '../../paths'
import type { CheckView } from '../admin/check.presenter'
import type { SummaryListRow } from '../govuk-params'

const categoryName = (categories: readonly PipelineCategory[], key: string) =>
  categories.find(c => c.key === key)?.name ?? key

const named = (p: Product) => `${p.name} from ${p.supplier.name}`

export interface MergeChoiceView {
  backHref: string
  caption: string
  action: string
  /** The other products of the same category, as radios; empty when there are none. */
  items: { value: string; text: string }[]
  value: string
  none: string | null
}

/** The first step of a merge: which product of the same category takes this one's place. */
export function mergeChoiceView(
  from: Product,
  targets: readonly Product[],
  categories: readonly PipelineCategory[],
  value = '',
): MergeChoiceView {
  return {
    backHref: paths.productEdit(from.id),
    caption: named(from),
    action: paths.productMerge(from.id),
    items: targets.map(p => ({ value: String(p.id), text: named(p) })),
    value,
    none:
      targets.length === 0
        ? `There is no other product in ${categoryName(categories, from.categoryKey)} to merge it into.`
        : null,
  }
}

function summary(from: Product, into: Product, categories: readonly PipelineCategory[]): SummaryListRow[] {
  return [
    { key: { text: 'Merge' }, value: { text: named(from) } },
    { key: { text: 'Into' }, value: { text: named(into) } },
    { key: { text: 'Category' }, value: { text: categoryName(categories, from.categoryKey) } },
  ]
}

const systems = (n: number) =>
  n === 1 ? '1 authority’s system moves' : `${n.toLocaleString('en-GB')} authorities’ systems move`

/** The check page before a merge: what moves, and that it cannot be undone. */
export function mergeCheckView(
  from: Product,
  into: Product,
  usage: { authorities: number; entries: number },
  categories: readonly PipelineCategory[],
  refusal: string | null,
): CheckView {
  const entries =
    usage.entries === usage.authorities ? '' : ` (${usage.entries.toLocaleString('en-GB')} systems in all)`
  return {
    backHref: paths.productMerge(from.id),
    backText: 'Choose another product',
    caption: named(from),
    summary: summary(from, into, categories),
    explanation: [
      usage.entries === 0
        ? `No authority records a system as ${from.name}, so nothing moves to ${into.name}.`
        : `${systems(usage.authorities)} to ${into.name}${entries}, with their ratings.`,
      `${from.name} leaves the catalogue; its old links lead to ${into.name}, and anyone proposing it again is pointed there.`,
    ],
    warning: 'This cannot be undone.',
    action: `${paths.productMerge(from.id)}?into=${into.id}`,
    buttonText: `Merge into ${into.name}`,
    buttonClasses: 'govuk-button--warning',
    cancelText: 'Cancel',
    refusal,
  }
}
