import type { RequestHandler } from 'express'
import type { AssessmentState } from '../../domain/assessment/workflow'
import { ValidationError } from '../../domain/errors'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { ModerationConflictError } from '../../services/moderation/moderation.service'
import { field } from '../../presenters/form-errors'
import { queueView } from '../../presenters/moderation/queue.presenter'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { idOf, londonDate, moderationFieldId, questionErrors, renderModeration, type Posted } from './moderation-page'

export { moderationFieldId } from './moderation-page'

const MODERATORS = ['assessor', 'admin'] as const
const QUEUE_STATES: readonly AssessmentState[] = ['submitted', 'in_moderation', 'returned', 'moderated']

/** Every page of moderation, in one table: who may reach each is declared here. */
export function moderationRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.moderationQueue, MODERATORS, queuePage(services)),
    route('get', patterns.moderation, MODERATORS, (req, res) => renderModeration(services, req, res)),
    route('post', patterns.moderationOpen, MODERATORS, openModeration(services)),
    route('post', patterns.moderationQuestion, MODERATORS, moderateQuestion(services)),
    route('post', patterns.moderationReturn, MODERATORS, returnAssessment(services)),
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
            submittedOn: londonDate(r.assessment.submittedAt),
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

function moderateQuestion(services: Services): RequestHandler {
  return async (req, res) => {
    const user = signedInUser(req)
    const id = idOf(req)
    const questionKey = String(req.params.questionKey)
    const question = services.assessments.findQuestion(
      (await services.assessments.view(user, id)).definition,
      questionKey,
    )
    const posted: Posted = { questionKey, level: field(req.body, 'level'), rationale: field(req.body, 'rationale') }
    const level = posted.level === '' ? undefined : Number(posted.level)
    const revision = Number(field(req.body, 'revision'))
    try {
      await services.moderation.moderate(user, id, questionKey, { level, rationale: posted.rationale, revision })
    } catch (error) {
      if (error instanceof ModerationConflictError) {
        const message = `Another assessor changed the moderation of “${question.prompt}” while you were working: check their level, then save yours again if you still disagree`
        const fid = moderationFieldId(questionKey)
        const errors = { summary: [{ text: message, href: `#${fid}` }], fields: {} }
        return renderModeration(services, req, res, { errors, posted: { ...posted, conflict: error.current } })
      }
      if (!(error instanceof ValidationError)) throw error
      return renderModeration(services, req, res, {
        errors: questionErrors(moderationFieldId(questionKey), question.prompt, error),
        posted,
      })
    }
    req.session.flash = { type: 'success', heading: `Moderation saved: ${question.prompt}` }
    res.redirect(`${paths.moderation(id)}#question-${moderationFieldId(questionKey)}`)
  }
}

function returnAssessment(services: Services): RequestHandler {
  return async (req, res) => {
    const id = idOf(req)
    const comment = field(req.body, 'comment')
    try {
      await services.moderation.returnToBorough(signedInUser(req), id, comment)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const message =
        comment.trim() === ''
          ? 'Enter a comment saying what the borough needs to change'
          : `The comment ${error.errors[0]?.message ?? 'is not valid'}`
      const errors = { summary: [{ text: message, href: '#comment' }], fields: { comment: message } }
      return renderModeration(services, req, res, { errors, posted: { comment } })
    }
    req.session.flash = { type: 'success', heading: 'Assessment returned to the borough' }
    res.redirect(paths.moderation(id))
  }
}

function completeModeration(services: Services): RequestHandler {
  return async (req, res) => {
    const id = idOf(req)
    const comment = field(req.body, 'comment')
    await services.moderation.complete(signedInUser(req), id, comment)
    req.session.flash = { type: 'success', heading: 'Moderation completed' }
    res.redirect(paths.moderation(id))
  }
}
