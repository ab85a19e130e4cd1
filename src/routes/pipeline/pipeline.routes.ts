import type { Response } from 'express'
import { ALL_ROLES, isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { paths } from '../../paths'
import { pipelineEntryRoutes } from './entries.routes'
import { pipelineImportRoutes } from './import.routes'
import { pipelinePriorityRoutes } from './priorities.routes'
import { organisationRef, slugFor } from './pipeline-request'
import { pipelineListView } from '../../presenters/pipeline/list.presenter'
import { pipelineOrganisationsView } from '../../presenters/pipeline/organisations.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'

export function pipelineRoutes(services: Services): RouteDefinition[] {
  /** Central roles first choose an organisation: every one, with how many entries it has recorded. */
  async function renderIndex(res: Response, user: User) {
    const [organisations, entries] = await Promise.all([services.organisations.list(), services.pipeline.list(user)])
    await renderPage(res, 'pipeline/organisations', {
      title: 'Organisations’ pipelines',
      view: pipelineOrganisationsView(organisations, entries, user.role === 'admin'),
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
      await renderPage(res, 'pipeline/list', {
        title: user.role === 'respondent' ? 'Your pipeline' : `${organisation.name}: pipeline`,
        view: pipelineListView({
          role: user.role,
          organisation,
          slug: slugFor(user, organisation),
          canWrite: services.pipeline.mayWrite(user, organisation.id),
          entries,
          priorities,
          categories: options.categories,
        }),
      })
    }),
    ...pipelineImportRoutes(services),
    ...pipelinePriorityRoutes(services),
    ...pipelineEntryRoutes(services),
  ]
}
