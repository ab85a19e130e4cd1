import { NotFoundError } from '../../domain/errors'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { deletePipelineEntry } from './delete-pipeline-entry.service'
import { importPipelineCsv } from './import-pipeline-csv.service'
import { pipelineAccess, type OrganisationRef } from './pipeline-access'
import { located, type EntryView, type PipelineDeps } from './pipeline-entry-records'
import { pipelineOptions } from './pipeline-options'
import { savePipelineEntry } from './save-pipeline-entry.service'
import { servicePriorities } from './service-priorities.service'

export { contentOf, EntryConflictError, type EntryView } from './pipeline-entry-records'
export { ImportRejectedError } from './import-pipeline-csv.service'

/**
 * A borough's own pipeline: reading it here; adding, changing, deleting, importing and ranking priorities
 * each in a file of its own, composed into this one service.
 */
export function pipelineService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  const access = pipelineAccess(repos)
  const options = pipelineOptions(repos, questionnaires)
  const deps: PipelineDeps = { repos, clock, access, options }

  return {
    options: () => options.forForms(),

    /** The organisation a page is about: a respondent's own, or the one an administrator or analyst named. */
    organisation: (user: User, ref?: OrganisationRef) => access.organisation(user, ref),

    /** Entries the user may see: a respondent's own organisation's, or all (or one organisation's) for central roles. */
    async list(user: User, ref?: OrganisationRef): Promise<EntryView[]> {
      const organisation = await access.organisation(user, ref)
      if (!organisation && !isCentralRole(user.role)) return []
      const [entries, organisations] = await Promise.all([
        repos.pipeline.list(organisation ? { organisationId: organisation.id } : {}),
        repos.organisations.list(),
      ])
      const byId = new Map(organisations.map(o => [o.id, o]))
      return entries.flatMap(e => {
        const owner = byId.get(e.organisationId)
        return owner ? [{ ...e, organisation: owner }] : []
      })
    },

    async get(user: User, id: number): Promise<EntryView> {
      const entry = Number.isSafeInteger(id) && id > 0 ? await repos.pipeline.findById(id) : undefined
      if (!entry || !access.mayRead(user, entry.organisationId)) throw new NotFoundError('There is no such entry')
      return located(repos, entry)
    },

    mayWrite: (user: User, organisationId: number) => access.mayWrite(user, organisationId),

    /** The organisation this person may change the pipeline of; refused, or asked which, otherwise. */
    writable: (user: User, ref?: OrganisationRef) => access.writable(user, ref),

    ...savePipelineEntry(deps),
    ...deletePipelineEntry(deps),
    ...importPipelineCsv(deps),
    ...servicePriorities(deps),
  }
}

export type PipelineService = ReturnType<typeof pipelineService>
