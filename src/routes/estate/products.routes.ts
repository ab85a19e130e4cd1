import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import type { Product } from '../../domain/estate/estate'
import { ALL_ROLES } from '../../domain/roles'
import { csrfToken } from '../../middleware/csrf'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import type { Services } from '../../services'
import { CURATORS, DuplicateProductError, ProductConflictError } from '../../services/estate/catalogue.service'
import { field, formErrors, type FormErrors } from '../../presenters/form-errors'
import {
  catalogueView,
  postedProduct,
  productFormValues,
  productFormView,
  type ProductFormValues,
} from '../../presenters/estate/catalogue.presenter'
import { mergeCheckView, mergeChoiceView } from '../../presenters/estate/product-merge.presenter'
import { paths, patterns } from '../../paths'
import { positiveId } from '../params'
import { route, type RouteDefinition } from '../route-table'

const productId = (req: Request) => positiveId(req.params.id)

async function showCatalogue(services: Services, req: Request, res: Response) {
  const categories = await services.catalogue.categories()
  const asked = typeof req.query.category === 'string' ? req.query.category : ''
  const category = categories.some(c => c.key === asked) ? asked : ''
  const products = await services.catalogue.list({ categoryKey: category || undefined })
  const curator = (CURATORS as readonly string[]).includes(signedInUser(req).role)
  await renderPage(res, 'estate/products', {
    title: 'Products',
    view: catalogueView({ products, categories, category, curator, csrfToken: csrfToken(req) }),
  })
}

async function renderForm(
  services: Services,
  res: Response,
  locals: { product?: Product; values: ProductFormValues; errors?: FormErrors },
  status = 200,
) {
  const categories = await services.catalogue.categories()
  await renderPage(
    res,
    'estate/product-form',
    {
      title: locals.product ? `Change ${locals.product.name}` : 'Propose a product',
      view: productFormView({ product: locals.product, values: locals.values, categories }),
      errors: locals.errors,
    },
    status,
  )
}

/** A duplicate, a stale revision or bad input: the form again, with what is wrong at the top. */
function problemsOf(error: unknown): { errors: FormErrors; status: number } | undefined {
  if (error instanceof DuplicateProductError) return { errors: formErrors(error.errors), status: 409 }
  if (error instanceof ValidationError) return { errors: formErrors(error.errors), status: 400 }
  if (error instanceof ProductConflictError) {
    const text = 'Someone else changed this product while you were editing it. Check what it says now, below.'
    return { errors: { summary: [{ text, href: '#name' }], fields: {} }, status: 409 }
  }
  return undefined
}

async function propose(services: Services, req: Request, res: Response) {
  const values = postedProduct(req.body)
  let created: { id: number; status: string }
  try {
    created = await services.catalogue.propose(signedInUser(req), { ...values })
  } catch (error) {
    const problems = problemsOf(error)
    if (!problems) throw error
    return renderForm(services, res, { values, errors: problems.errors }, problems.status)
  }
  req.session.flash = {
    type: 'success',
    heading: `Product added: ${values.name.trim()}`,
    body:
      created.status === 'proposed'
        ? 'Your authority can record its systems as it now. LOTI will check it before it appears for other authorities as approved.'
        : undefined,
  }
  res.redirect(paths.products)
}

async function save(services: Services, req: Request, res: Response) {
  const product = await services.catalogue.get(productId(req))
  const values = postedProduct(req.body)
  try {
    await services.catalogue.rename(signedInUser(req), product.id, { ...values }, field(req.body, 'revision'))
  } catch (error) {
    const problems = problemsOf(error)
    if (!problems) throw error
    const current = error instanceof ProductConflictError ? error.current : product
    const shown = error instanceof ProductConflictError ? productFormValues(current) : values
    return renderForm(services, res, { product: current, values: shown, errors: problems.errors }, problems.status)
  }
  req.session.flash = { type: 'success', heading: `Product saved: ${values.name.trim()}` }
  res.redirect(paths.products)
}

async function approve(services: Services, req: Request, res: Response) {
  const product = await services.catalogue.get(productId(req))
  await services.catalogue.approve(signedInUser(req), product.id)
  req.session.flash = { type: 'success', heading: `Product approved: ${product.name}` }
  res.redirect(paths.products)
}

const intoOf = (req: Request): string => (typeof req.query.into === 'string' ? req.query.into : field(req.body, 'into'))

async function showMerge(services: Services, req: Request, res: Response, errors?: FormErrors, status = 200) {
  const from = await services.catalogue.get(productId(req))
  const categories = await services.catalogue.categories()
  const into = intoOf(req)
  const target = /^\d{1,9}$/.test(into) ? await services.catalogue.get(Number(into)).catch(() => undefined) : undefined
  if (!errors && target) {
    const refusal = await services.catalogue.mergeRefusal(from, target.id)
    const view = mergeCheckView(from, target, await services.catalogue.usage(from.id), categories, refusal)
    return renderPage(res, 'admin/check', { title: `Merge ${from.name} into ${target.name}?`, view })
  }
  const chosen =
    errors ?? (into === '' ? undefined : formErrors([{ field: 'into', message: 'Choose a product from the list' }]))
  const targets = from.status === 'merged' ? [] : await services.catalogue.mergeTargets(from)
  await renderPage(
    res,
    'estate/product-merge',
    {
      title: `Merge ${from.name} into another product`,
      view: mergeChoiceView(from, targets, categories, into),
      errors: chosen,
    },
    chosen && status === 200 ? 400 : status,
  )
}

async function merge(services: Services, req: Request, res: Response) {
  const from = await services.catalogue.get(productId(req))
  let done: { id: number; moved: number }
  try {
    done = await services.catalogue.merge(signedInUser(req), from.id, intoOf(req))
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return showMerge(services, req, res, formErrors(error.errors), 400)
  }
  const into = await services.catalogue.get(done.id)
  req.session.flash = {
    type: 'success',
    heading: `${from.name} merged into ${into.name}`,
    body: done.moved === 1 ? '1 system moved across.' : `${done.moved.toLocaleString('en-GB')} systems moved across.`,
  }
  res.redirect(paths.products)
}

/** London's shared product catalogue: anyone proposes; analysts and administrators approve, change and merge. */
export function productRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.products, ALL_ROLES, (req, res) => showCatalogue(services, req, res)),
    // Declared before the scorecard's /estate/products/:id, so "new" is never taken for an id.
    route('get', paths.productNew, ALL_ROLES, (_req, res) =>
      renderForm(services, res, { values: productFormValues() }),
    ),
    route('post', paths.productNew, ALL_ROLES, (req, res) => propose(services, req, res)),
    route('get', patterns.productEdit, CURATORS, async (req, res) => {
      const product = await services.catalogue.get(productId(req))
      await renderForm(services, res, { product, values: productFormValues(product) })
    }),
    route('post', patterns.productEdit, CURATORS, (req, res) => save(services, req, res)),
    route('post', patterns.productApprove, CURATORS, (req, res) => approve(services, req, res)),
    route('get', patterns.productMerge, CURATORS, (req, res) => showMerge(services, req, res)),
    route('post', patterns.productMerge, CURATORS, (req, res) => merge(services, req, res)),
  ]
}
