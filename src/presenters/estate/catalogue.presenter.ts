import type { PipelineCategory } from '../../domain/pipeline/entry'
import type { Product } from '../../domain/estate/estate'
import { NAME_MAX_LENGTH } from '../../domain/estate/catalogue'
import { paths } from '../../paths'
import { actionsHeader, rowHeader, type Table, type TableCell } from '../govuk-params'
import { joinHtml, link, postForm, tag, text } from '../html'

/** A product with how many authorities run it, as the catalogue service lists them. */
export interface CatalogueProduct extends Product {
  authorities: number
}

interface SelectItem {
  value: string
  text: string
}

export interface CatalogueView {
  newHref: string
  filterAction: string
  categoryItems: SelectItem[]
  category: string
  /** Said when no product matches, instead of an empty table. */
  empty: string | null
  caption: string
  table: Table
  /** For analysts and administrators: proposals awaiting approval, each with its Approve button. */
  proposals: { caption: string; table: Table } | null
}

const categoryName = (categories: readonly PipelineCategory[], key: string) =>
  categories.find(c => c.key === key)?.name ?? key

const authorities = (n: number) => (n === 1 ? '1 authority' : `${n.toLocaleString('en-GB')} authorities`)

export const statusTag = (p: Product) =>
  p.status === 'proposed'
    ? tag({ text: 'Awaiting approval', classes: 'govuk-tag--yellow' })
    : p.status === 'merged'
      ? tag({ text: 'Merged', classes: 'govuk-tag--grey' })
      : tag({ text: 'Approved', classes: 'govuk-tag--green' })

/** Every product still in the catalogue, one row each, and the proposals LOTI has still to approve. */
export function catalogueView(input: {
  products: readonly CatalogueProduct[]
  categories: readonly PipelineCategory[]
  category: string
  curator: boolean
  csrfToken: string
}): CatalogueView {
  const { products, categories, curator } = input
  const row = (p: CatalogueProduct): TableCell[] => [
    rowHeader({ html: link(paths.product(p.id), p.name) }),
    { text: p.supplier.name },
    { text: categoryName(categories, p.categoryKey) },
    { text: String(p.authorities), format: 'numeric' },
    { html: statusTag(p) },
    ...(curator
      ? [
          {
            html: joinHtml(
              [link(paths.productEdit(p.id), 'Change', p.name), link(paths.productMerge(p.id), 'Merge', p.name)],
              text(' · '),
            ),
          },
        ]
      : []),
  ]
  const proposed = products.filter(p => p.status === 'proposed')
  const shown = input.category === '' ? 'London’s catalogue' : categoryName(categories, input.category)
  return {
    newHref: paths.productNew,
    filterAction: paths.products,
    categoryItems: [{ value: '', text: 'All categories' }, ...categories.map(c => ({ value: c.key, text: c.name }))],
    category: input.category,
    empty: products.length === 0 ? 'No products in this category yet.' : null,
    caption: `${shown}: ${products.length === 1 ? '1 product' : `${products.length} products`}`,
    table: {
      head: [
        { text: 'Product' },
        { text: 'Supplier' },
        { text: 'Category' },
        { text: 'Authorities running it', format: 'numeric' },
        { text: 'Status' },
        ...(curator ? [actionsHeader()] : []),
      ],
      rows: products.map(row),
    },
    proposals:
      curator && proposed.length > 0
        ? {
            caption:
              proposed.length === 1 ? '1 proposal awaiting approval' : `${proposed.length} proposals awaiting approval`,
            table: {
              head: [
                { text: 'Product' },
                { text: 'Supplier' },
                { text: 'Category' },
                { text: 'Used by' },
                actionsHeader(),
              ],
              rows: proposed.map(p => [
                rowHeader({ html: link(paths.productEdit(p.id), p.name) }),
                { text: p.supplier.name },
                { text: categoryName(categories, p.categoryKey) },
                { text: authorities(p.authorities) },
                {
                  html: postForm(paths.productApprove(p.id), input.csrfToken, {
                    text: 'Approve',
                    hidden: p.name,
                    classes: 'govuk-button--secondary govuk-!-margin-bottom-0',
                  }),
                },
              ]),
            },
          }
        : null,
  }
}

export interface ProductFormValues {
  name: string
  supplier: string
  category: string
}

export const productFormValues = (p?: Product): ProductFormValues => ({
  name: p?.name ?? '',
  supplier: p?.supplier.name ?? '',
  category: p?.categoryKey ?? '',
})

export interface ProductFormView {
  backHref: string
  action: string
  caption: string
  buttonText: string
  nameMaxLength: number
  values: ProductFormValues
  categories: SelectItem[]
  revision: number | null
  /** Shown while the product awaits approval, to analysts and administrators. */
  approveAction: string | null
  mergeHref: string | null
  scorecardHref: string | null
}

/** The form proposing a product (no `product`), or changing one. */
export function productFormView(input: {
  product?: Product
  values: ProductFormValues
  categories: readonly PipelineCategory[]
}): ProductFormView {
  const { product } = input
  return {
    backHref: paths.products,
    action: product ? paths.productEdit(product.id) : paths.productNew,
    caption: product ? `${product.name} from ${product.supplier.name}` : 'London’s product catalogue',
    buttonText: product ? 'Save changes' : 'Propose product',
    nameMaxLength: NAME_MAX_LENGTH,
    values: input.values,
    categories: [
      { value: '', text: 'Choose a category' },
      ...input.categories.map(c => ({ value: c.key, text: c.name })),
    ],
    revision: product?.revision ?? null,
    approveAction: product?.status === 'proposed' ? paths.productApprove(product.id) : null,
    mergeHref: product ? paths.productMerge(product.id) : null,
    scorecardHref: product ? paths.product(product.id) : null,
  }
}

/** The values a form posted, kept as typed so the page can show them again with its errors. */
export function postedProduct(body: unknown): ProductFormValues {
  const read = (name: string) => {
    const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
    return typeof value === 'string' ? value : ''
  }
  return { name: read('name'), supplier: read('supplier'), category: read('category') }
}
