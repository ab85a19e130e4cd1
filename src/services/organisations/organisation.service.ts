import { ForbiddenError, NotFoundError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import { londonDate } from '../../domain/assessment/round'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import type { Clock } from '../clock'
import { hubAssessments, hubPeople, hubPipeline, type HubAssessment, type HubPipeline } from './organisation-hub'

export interface OrganisationSummary {
  gss: string
  name: string
  slug: string
  inner: boolean
  tile: { x: number; y: number } | null
  neighbours: string[]
}

export interface OrganisationPage {
  organisation: Organisation
  neighbours: Organisation[]
  /** The partnerships it belongs to, each with every member (itself included), by name. */
  partnerships: { id: number; name: string; members: Organisation[] }[]
  /** Its assessments, newest round first. */
  assessments: HubAssessment[]
  pipeline: HubPipeline
  /** Its people, for administrators only; null for everyone else, who are never sent them. */
  people: User[] | null
}

/** A respondent may see only their own organisation; the central roles see every one. */
export function canSeeOrganisation(user: User, organisation: Organisation): boolean {
  return isCentralRole(user.role) || user.organisationId === organisation.id
}

export function organisationService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  return {
    async list(): Promise<Organisation[]> {
      return repos.organisations.list()
    },

    async listWithNeighbours(): Promise<OrganisationSummary[]> {
      const [organisations, neighbours] = await Promise.all([
        repos.organisations.list(),
        repos.organisations.neighbourMap(),
      ])
      return organisations.map(o => ({
        gss: o.gss,
        name: o.name,
        slug: o.slug,
        inner: o.inner,
        tile: o.tile,
        neighbours: neighbours.get(o.gss) ?? [],
      }))
    },

    async ownOrganisation(user: User): Promise<Organisation | undefined> {
      return user.organisationId === null ? undefined : repos.organisations.findById(user.organisationId)
    },

    async page(user: User, slug: string): Promise<OrganisationPage> {
      const organisation = await repos.organisations.findBySlug(slug)
      if (!organisation) throw new NotFoundError('There is no organisation at this address')
      if (!canSeeOrganisation(user, organisation)) {
        throw new ForbiddenError('You can only see your own organisation’s pages.')
      }
      const [all, neighbourMap, partnerships, assessments, pipeline, people] = await Promise.all([
        repos.organisations.list(),
        repos.organisations.neighbourMap(),
        repos.partnerships.list(),
        hubAssessments(repos, questionnaires, organisation),
        hubPipeline(repos, organisation, londonDate(clock())),
        user.role === 'admin' ? hubPeople(repos, organisation) : null,
      ])
      const neighbourCodes = new Set(neighbourMap.get(organisation.gss) ?? [])
      return {
        organisation,
        neighbours: all.filter(o => neighbourCodes.has(o.gss)),
        partnerships: partnerships
          .filter(p => p.memberIds.includes(organisation.id))
          .map(p => ({ id: p.id, name: p.name, members: all.filter(o => p.memberIds.includes(o.id)) })),
        assessments,
        pipeline,
        people,
      }
    },
  }
}

export type OrganisationService = ReturnType<typeof organisationService>
