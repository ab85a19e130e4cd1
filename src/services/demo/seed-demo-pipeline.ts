import { demoPipeline, demoPriorities, DEMO_NOTE } from '../../../seeds/demo-pipeline'
import { londonDate } from '../../domain/assessment/round'
import { SERVICES_DIMENSION } from '../../domain/pipeline/priorities'
import type { Repositories } from '../../data'
import type { AuditEventInput } from '../../data/audit.repository'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'

/**
 * Synthetic pipeline entries and priorities for every authority, dated from today, each recorded by the
 * authority's demo respondent and audited as if they had typed it. Only into an empty pipeline, so made-up
 * plans are never mixed with a borough's own. Returns whether it seeded.
 */
export async function seedDemoPipeline(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  clock: Clock,
): Promise<boolean> {
  if ((await repos.pipeline.list()).length > 0) return false
  const version = await repos.questionnaires.find('london-digital-maturity', 2)
  if (version?.status !== 'published') return false
  const definition = (await questionnaires.get('london-digital-maturity', 2)).definition
  const serviceAreas = definition.dimensions.find(d => d.key === SERVICES_DIMENSION)?.themes.map(t => t.key) ?? []
  const organisations = new Map((await repos.organisations.list()).map(o => [o.slug, o.id]))
  const respondentOf = new Map(
    (await repos.users.list()).filter(u => u.role === 'respondent').map(u => [u.organisationId, u.id]),
  )
  const at = clock()
  await repos.database.transaction(async trx => {
    const events: AuditEventInput[] = []
    for (const { slug, content } of demoPipeline(londonDate(at))) {
      const organisationId = organisations.get(slug)
      if (organisationId === undefined) continue
      const by = respondentOf.get(organisationId) ?? null
      const id = await repos.pipeline.insert(organisationId, content, { at, by }, trx)
      events.push({
        at,
        actorUserId: by,
        action: 'pipeline_entry.created',
        entityType: 'pipeline_entry',
        entityId: id,
        after: { organisationId, ...content, revision: 1 },
      })
    }
    for (const [slug, areas] of demoPriorities([...organisations.keys()], serviceAreas)) {
      const organisationId = organisations.get(slug)
      if (organisationId === undefined) continue
      const by = respondentOf.get(organisationId) ?? null
      const priorities = areas.map((serviceArea, i) => ({ rank: i + 1, serviceArea, notes: DEMO_NOTE }))
      await repos.pipeline.replacePriorities(organisationId, priorities, { at, by }, trx)
      events.push({
        at,
        actorUserId: by,
        action: 'service_priorities.replaced',
        entityType: 'service_priorities',
        entityId: organisationId,
        before: [],
        after: areas,
      })
    }
    await repos.audit.recordMany(events, trx)
  })
  return true
}
