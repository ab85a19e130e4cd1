import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { OrganisationRef } from '../../services/pipeline/pipeline-access'
import { contentOf, EntryConflictError, type EntryView } from '../../services/pipeline/pipeline.service'
import { paths, patterns } from '../../paths'
import { entryId, WRITERS } from '../pipeline/pipeline-request'
import { route, type RouteDefinition } from '../route-table'

/** An entry as the API gives it and takes it back: the same camelCase names, so a GET can be edited and PUT. */
export const entryJson = (e: EntryView) => ({
  id: e.id,
  organisation: { gss: e.organisation.gss, name: e.organisation.name },
  ...contentOf(e),
  revision: e.revision,
  updatedAt: e.updatedAt.toISOString(),
})

const invalid = (pointer: string, message: string) => new ValidationError([{ field: pointer, message }])

/** The JSON object sent, or a 422 saying it must be one. */
function bodyOf(req: Request): Record<string, unknown> {
  const body = req.body as unknown
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('', 'must be a JSON object')
  return body as Record<string, unknown>
}

function organisationOf(body: Record<string, unknown>): OrganisationRef | undefined {
  if (body.organisation === undefined) return undefined
  if (typeof body.organisation !== 'string')
    throw invalid('/organisation', 'Give the organisation’s GSS code, like E09000012')
  return { gss: body.organisation.trim() }
}

/** Runs a change and answers its problems as the API promises: 422 with pointers, 409 with what is there now. */
async function answering(res: Response, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
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
    if (error instanceof EntryConflictError) {
      res.status(409).json({ error: 'conflict', message: error.message, current: entryJson(error.current) })
      return
    }
    throw error
  }
}

export function apiPipelineRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.api.pipeline, ALL_ROLES, async (req, res) => {
      res.json((await services.pipeline.list(signedInUser(req))).map(entryJson))
    }),

    route('post', paths.api.pipeline, WRITERS, async (req, res) => {
      await answering(res, async () => {
        const body = bodyOf(req)
        const id = await services.pipeline.create(signedInUser(req), organisationOf(body), body)
        res.status(201).location(paths.api.pipelineEntry(id)).json({ id })
      })
    }),

    route('put', patterns.api.pipelineEntry, WRITERS, async (req, res) => {
      await answering(res, async () => {
        const body = bodyOf(req)
        res.json({ revision: await services.pipeline.update(signedInUser(req), entryId(req), body, body.revision) })
      })
    }),

    route('delete', patterns.api.pipelineEntry, WRITERS, async (req, res) => {
      await answering(res, async () => {
        const body = (req.body ?? {}) as Record<string, unknown>
        await services.pipeline.remove(signedInUser(req), entryId(req), req.query.revision ?? body.revision)
        res.status(204).end()
      })
    }),
  ]
}
