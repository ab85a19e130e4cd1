import type { Response } from 'express'
import { ROUTE_LABELS, VALUE_BAND_LABELS } from '../../domain/pipeline/entry'
import { ALL_ROLES, isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { paths } from '../../paths'
import { pipelineEntryRoutes } from './entries.routes'
import { pipelineImportRoutes } from './import.routes'
import { pipelinePriorityRoutes } from './priorities.routes'
import { organisationRef, slugFor } from './pipeline-request'
import { longDate, STATUS_TAGS, withOrganisation } from '../../presenters/pipeline/pipeline.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'

export function pipelineRoutes(services: Services): RouteDefinition[] {
  /** Central roles first choose an organisation: every one, with how many entries it has recorded. */
  async function renderIndex(res: Response, user: User) {
    const [organisations, entries] = await Promise.all([services.organisations.list(), services.pipeline.list(user)])
    const counts = new Map<number, number>()
    for (const e of entries) counts.set(e.organisationId, (counts.get(e.organisationId) ?? 0) + 1)
    await renderPage(res, 'pipeline/organisations', {
      title: 'Organisations’ pipelines',
      organisations,
      counts,
      canWrite: user.role === 'admin',
      withOrganisation,
    })
  }

  return [
    route('get', paths.pipeline, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const ref = organisationRef(req)
      if (!ref && isCentralRole(user.role)) return renderIndex(res, user)
      const [entries, { organisation, priorities }, options] = await Promise.all([
        services.pipeline.list(user, ref),
        services.pipeline.priorities(user, ref),
        services.pipeline.options(),
      ])
      const slug = slugFor(user, organisation)
      await renderPage(res, 'pipeline/list', {
        title: user.role === 'respondent' ? 'Your pipeline' : `${organisation.name}: pipeline`,
        organisation,
        entries,
        priorities,
        categoryNames: new Map(options.categories.map(c => [c.key, c.name])),
        canWrite: services.pipeline.mayWrite(user, organisation.id),
        link: (path: string) => withOrganisation(path, slug),
        statusTags: STATUS_TAGS,
        routeLabels: ROUTE_LABELS,
        valueBandLabels: VALUE_BAND_LABELS,
        longDate,
      })
    }),
    ...pipelineImportRoutes(services),
    ...pipelinePriorityRoutes(services),
    ...pipelineEntryRoutes(services),
  ]
}
