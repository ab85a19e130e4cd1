import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import { standardRefOf } from '../../domain/estate/ratings'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { RatingsConflictError } from '../../services/estate/rate-system.service'
import { paths, patterns } from '../../paths'
import { route, type RouteDefinition } from '../route-table'

/** Those who may change an authority's ratings; the service decides which authority. */
const RATERS = ['respondent', 'admin'] as const

const invalid = (pointer: string, message: string) => new ValidationError([{ field: pointer, message }])

function bodyOf(req: Request): Record<string, unknown> {
  const body = req.body as unknown
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('', 'must be a JSON object')
  return body as Record<string, unknown>
}

const entryIdOf = (req: Request): number => {
  const id = Number(req.params.id)
  return Number.isSafeInteger(id) && id > 0 ? id : 0
}

/** Runs a change and answers its problems as the API promises: 422 with pointers, 409 when someone saved first. */
async function answering(res: Response, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (error instanceof ValidationError) {
      res.status(422).json({
        error: 'invalid',
        errors: error.errors.map(e => ({ pointer: e.field, message: e.message })),
      })
      return
    }
    if (error instanceof RatingsConflictError) {
      res.status(409).json({ error: 'conflict', message: error.message, revision: error.currentRevision })
      return
    }
    throw error
  }
}

/** The standards, and each system's ratings against them, as data. */
export function apiStandardRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.api.standards, ALL_ROLES, async (req, res) => {
      const versions = await services.standards.listFor(signedInUser(req))
      res.json(
        versions.map(v => ({
          key: v.key,
          version: v.version,
          title: v.title,
          source: v.definition.source,
          status: v.status,
          points: v.definition.points.map(p => ({ key: p.key, title: p.title })),
        })),
      )
    }),

    route('get', patterns.api.estateRatings, ALL_ROLES, async (req, res) => {
      // Another authority's system is not found, whatever was asked of it.
      await services.ratings.entry(signedInUser(req), entryIdOf(req))
      const ref = standardRefOf({ key: req.query.standard, version: req.query.version })
      if (!ref.value) {
        res.status(400).json({
          error: 'bad_request',
          message: 'Say which standard, as ?standard=KEY&version=N',
          errors: ref.errors.map(e => ({ pointer: e.field, message: e.message })),
        })
        return
      }
      const view = await services.ratings.get(signedInUser(req), entryIdOf(req), ref.value)
      res.json({
        standard: { key: view.standard.key, version: view.standard.version },
        revision: view.revision,
        evidence: view.evidence,
        points: view.points.map(p => ({ key: p.key, rating: p.rating, since: p.since?.toISOString() ?? null })),
      })
    }),

    route('put', patterns.api.estateRatings, RATERS, async (req, res) => {
      await services.ratings.entry(signedInUser(req), entryIdOf(req))
      await answering(res, async () => {
        const body = bodyOf(req)
        const ref = standardRefOf(body.standard)
        if (!ref.value) throw new ValidationError(ref.errors)
        const revision = await services.ratings.save(signedInUser(req), entryIdOf(req), ref.value, body)
        res.json({ revision })
      })
    }),
  ]
}
