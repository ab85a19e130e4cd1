import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import type { Product } from '../../domain/estate/estate'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { CURATORS, DuplicateProductError, ProductConflictError } from '../../services/estate/catalogue.service'
import { paths, patterns } from '../../paths'
import { positiveId } from '../params'
import { badQuery } from './query-errors'
import { route, type RouteDefinition } from '../route-table'

/** A product as the API gives it; `supplier` is sent back by name when proposing or renaming. */
export const productJson = (p: Product) => ({
  id: p.id,
  name: p.name,
  supplier: { id: p.supplier.id, name: p.supplier.name },
  category: p.categoryKey,
  status: p.status,
  revision: p.revision,
})

const invalid = (pointer: string, message: string) => new ValidationError([{ field: pointer, message }])

function bodyOf(req: Request): Record<string, unknown> {
  const body = req.body as unknown
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('', 'must be a JSON object')
  return body as Record<string, unknown>
}

/** Runs a change and answers its problems: 422 with pointers, 409 naming the product already there or as it is now. */
async function answering(res: Response, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (error instanceof DuplicateProductError) {
      res
        .status(409)
        .json({ error: 'duplicate', message: error.errors[0]?.message, existing: productJson(error.existing) })
      return
    }
    if (error instanceof ValidationError) {
      res.status(422).json({
        error: 'invalid',
        errors: error.errors.map(e => ({
          pointer: e.field === '' || e.field.startsWith('/') ? e.field : `/${e.field}`,
          message: e.message,
        })),
      })
      return
    }
    if (error instanceof ProductConflictError) {
      res.status(409).json({ error: 'conflict', message: error.message, current: productJson(error.current) })
      return
    }
    throw error
  }
}

const RENAMING = ['name', 'supplier', 'category'] as const

export function apiProductRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.api.products, ALL_ROLES, async (req, res) => {
      const category = req.query.category
      if (category !== undefined) {
        const known = (await services.catalogue.categories()).some(c => c.key === category)
        if (typeof category !== 'string' || !known) {
          badQuery(res, [{ field: 'category', message: 'category must be one of the shared pipeline categories' }])
          return
        }
      }
      const products = await services.catalogue.list({ categoryKey: category })
      res.json(products.map(productJson))
    }),

    route('post', paths.api.products, ALL_ROLES, async (req, res) => {
      await answering(res, async () => {
        const { id, status } = await services.catalogue.propose(signedInUser(req), bodyOf(req))
        res.status(201).location(paths.api.product(id)).json({ id, status })
      })
    }),

    route('put', patterns.api.product, CURATORS, async (req, res) => {
      await answering(res, async () => {
        const body = bodyOf(req)
        const user = signedInUser(req)
        const id = positiveId(req.params.id)
        const renaming = RENAMING.some(key => body[key] !== undefined)
        if (body.status !== undefined && body.status !== 'approved')
          throw invalid('/status', 'The only status you can set is "approved"; merge a product to retire it')
        if (!renaming && body.status === undefined)
          throw invalid('', 'Send { "status": "approved" }, or the product’s name, supplier and category')
        if (renaming) await services.catalogue.rename(user, id, body, body.revision)
        if (body.status === 'approved') await services.catalogue.approve(user, id, renaming ? undefined : body.revision)
        res.json(productJson(await services.catalogue.get(id)))
      })
    }),

    route('post', patterns.api.productMerge, CURATORS, async (req, res) => {
      await answering(res, async () => {
        const body = bodyOf(req)
        res.json(await services.catalogue.merge(signedInUser(req), positiveId(req.params.id), body.into))
      })
    }),
  ]
}
