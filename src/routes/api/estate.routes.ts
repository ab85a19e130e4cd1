import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { EstateConflictError, type EstateEntryView, type OrganisationRef } from '../../services/estate/estate.service'
import { paths, patterns } from '../../paths'
import { digitsOnly, entryId, WRITERS } from '../estate/estate-request'
import { route, type RouteDefinition } from '../route-table'

/** An entry as the API gives it: another authority's shared entry comes without its notes. */
export const estateJson = (e: EstateEntryView) => ({
  id: e.id,
  organisation: { gss: e.organisation.gss, name: e.organisation.name },
  category: e.categoryKey,
  product: {
    id: e.product.id,
    name: e.product.name,
    supplier: { id: e.product.supplier.id, name: e.product.supplier.name },
  },
  hosting: e.hosting,
  contractEnd: e.contractEnd,
  costBand: e.costBand,
  shareable: e.shareable,
  ...(e.limited ? {} : { notes: e.notes }),
  revision: e.revision,
})

const invalid = (pointer: string, message: string) => new ValidationError([{ field: pointer, message }])

/** The JSON object sent, as the service checks it (`category` is the entry's category key), or a 422. */
function bodyOf(req: Request): Record<string, unknown> {
  const body = req.body as unknown
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('', 'must be a JSON object')
  const given = body as Record<string, unknown>
  return { ...given, categoryKey: given.category }
}

function organisationOf(given: unknown): OrganisationRef | undefined {
  if (given === undefined) return undefined
  if (typeof given !== 'string' || given.trim() === '')
    throw invalid('/organisation', 'Give the authority’s GSS code, like E09000012')
  return { gss: given.trim() }
}

const pointer = (field: string) => {
  if (field === '' || field.startsWith('/')) return field
  return field === 'categoryKey' ? '/category' : `/${field}`
}

/** Runs a change and answers its problems as the API promises: 422 with pointers, 409 with what is there now. */
async function answering(res: Response, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (error instanceof ValidationError) {
      res.status(422).json({
        error: 'invalid',
        errors: error.errors.map(e => ({ pointer: pointer(e.field), message: e.message })),
      })
      return
    }
    if (error instanceof EstateConflictError) {
      res.status(409).json({ error: 'conflict', message: error.message, current: estateJson(error.current) })
      return
    }
    throw error
  }
}

export function apiEstateRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.api.estate, ALL_ROLES, async (req, res) => {
      await answering(res, async () => {
        const ref = organisationOf(req.query.organisation)
        res.json((await services.estate.list(signedInUser(req), ref)).map(estateJson))
      })
    }),

    route('post', paths.api.estate, WRITERS, async (req, res) => {
      await answering(res, async () => {
        const body = bodyOf(req)
        const saved = await services.estate.create(signedInUser(req), organisationOf(body.organisation), body)
        res.status(201).location(paths.api.estateEntry(saved.id)).json({ id: saved.id, revision: saved.revision })
      })
    }),

    route('put', patterns.api.estateEntry, WRITERS, digitsOnly, async (req, res) => {
      await answering(res, async () => {
        const body = bodyOf(req)
        const id = entryId(req)
        res.json({ id, revision: await services.estate.update(signedInUser(req), id, body, body.revision) })
      })
    }),

    route('delete', patterns.api.estateEntry, WRITERS, digitsOnly, async (req, res) => {
      await answering(res, async () => {
        const body = (req.body ?? {}) as Record<string, unknown>
        await services.estate.remove(signedInUser(req), entryId(req), req.query.revision ?? body.revision)
        res.status(204).end()
      })
    }),
  ]
}
