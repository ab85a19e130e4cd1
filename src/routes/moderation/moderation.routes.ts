import type { RequestHandler } from 'express'
import type { AssessmentState } from '../../domain/assessment/workflow'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { queueView } from '../../presenters/moderation/queue.presenter'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { completeModeration, completePage, returnAssessment, returnPage } from './finish-pages'
import { idOf, renderModeration, submittedOn } from './moderation-page'
import { renderSection, saveSection } from './section-page'

export { moderationFieldId } from './moderation-page'

const MODERATORS = ['assessor', 'admin'] as const
const QUEUE_STATES: readonly AssessmentState[] = ['submitted', 'in_moderation', 'returned', 'moderated']

/** Every page of moderation, in one table: who may reach each is declared here. */
export function moderationRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.moderationQueue, MODERATORS, queuePage(services)),
    route('get', patterns.moderation, MODERATORS, (req, res) => renderModeration(services, req, res)),
    route('post', patterns.moderationOpen, MODERATORS, openModeration(services)),
    route('get', patterns.moderationSection, MODERATORS, (req, res) => renderSection(services, req, res)),
    route('post', patterns.moderationSection, MODERATORS, saveSection(services)),
    route('get', patterns.moderationReturn, MODERATORS, returnPage(services)),
    route('post', patterns.moderationReturn, MODERATORS, returnAssessment(services)),
    route('get', patterns.moderationComplete, MODERATORS, completePage(services)),
    route('post', patterns.moderationComplete, MODERATORS, completeModeration(services)),
  ]
}

function queuePage(services: Services): RequestHandler {
  return async (req, res) => {
    const user = signedInUser(req)
    const rounds = await services.rounds.list()
    const wanted = Number(req.query.round)
    const round = rounds.find(r => r.id === wanted) ?? rounds[0]
    const stateFilter = QUEUE_STATES.find(s => s === req.query.state)
    const rows = round
      ? (await services.assessments.list(user, round.id))
          .filter(r => (stateFilter ? r.assessment.state === stateFilter : QUEUE_STATES.includes(r.assessment.state)))
          .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'en-GB'))
          .map(r => ({
            ...r,
            own: user.organisationId === r.organisation.id,
            submittedOn: submittedOn(r.assessment.submittedAt),
          }))
      : []
    await renderPage(res, 'moderation/queue', {
      title: 'Moderation',
      view: queueView({ rounds, round, rows, states: QUEUE_STATES, stateFilter }),
    })
  }
}

function openModeration(services: Services): RequestHandler {
  return async (req, res) => {
    const id = idOf(req)
    await services.moderation.open(signedInUser(req), id)
    req.session.flash = { type: 'success', heading: 'Moderation started' }
    res.redirect(paths.moderation(id))
  }
}
