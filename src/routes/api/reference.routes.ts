import type { Request } from 'express'
import { NotFoundError } from '../../domain/errors'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { paths, patterns } from '../../paths'
import { route, type RouteDefinition } from '../route-table'

/** The version named in the address, as the caller may see it: drafts are an admin's work in progress. */
async function visibleVersion(services: Services, req: Request) {
  const key = String(req.params.key)
  const version = Number(req.params.version)
  const stored = Number.isSafeInteger(version)
    ? (await services.questionnaires.list()).find(v => v.key === key && v.version === version)
    : undefined
  if (!stored || (stored.status === 'draft' && signedInUser(req).role !== 'admin'))
    throw new NotFoundError(`There is no version ${String(req.params.version)} of questionnaire "${key}"`)
  return stored
}

export function apiRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.api.organisations, ALL_ROLES, async (_req, res) => {
      res.json(await services.organisations.listWithNeighbours())
    }),

    // Drafts are an admin's work in progress: only admins see them.
    route('get', paths.api.questionnaires, ALL_ROLES, async (req, res) => {
      const admin = signedInUser(req).role === 'admin'
      const versions = await services.questionnaires.list()
      res.json(
        versions
          .filter(v => admin || v.status !== 'draft')
          .map(v => ({ key: v.key, version: v.version, title: v.title, status: v.status })),
      )
    }),

    route('get', patterns.api.questionnaireVersion, ALL_ROLES, async (req, res) => {
      res.json((await visibleVersion(services, req)).document)
    }),

    // Errata are recorded only against published versions, so anyone who may read a version may read its errata.
    route('get', patterns.api.questionnaireErrata, ALL_ROLES, async (req, res) => {
      const { key, version } = await visibleVersion(services, req)
      const errata = await services.questionnaires.errata.list(key, version)
      res.json(errata.map(e => ({ question: e.question, reason: e.reason, recordedAt: e.recordedAt })))
    }),
  ]
}
