import type { Request } from 'express'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import type { Services } from '../../services'
import { paths, patterns } from '../../paths'
import { standardVersionView, standardsView } from '../../presenters/estate/standards.presenter'
import { route, type RouteDefinition } from '../route-table'

function versionParams(req: Request): { key: string; version: number } {
  const version = Number(req.params.version)
  return { key: String(req.params.key), version: Number.isSafeInteger(version) && version > 0 ? version : 0 }
}

/** The standards systems are rated against, and each one's points, for everyone signed in. */
export function standardRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.standards, ALL_ROLES, async (req, res) => {
      const view = standardsView(await services.standards.listPublished(), signedInUser(req).role === 'admin')
      await renderPage(res, 'estate/standards', { title: 'Standards', view })
    }),
    route('get', patterns.standard, ALL_ROLES, async (req, res) => {
      const { key, version } = versionParams(req)
      const standard = await services.standards.getVisible(signedInUser(req), key, version)
      await renderPage(res, 'estate/standard', {
        title: `${standard.title} (version ${standard.version})`,
        view: standardVersionView(standard, false),
      })
    }),
  ]
}
