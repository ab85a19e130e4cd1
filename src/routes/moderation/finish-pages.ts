import type { Request, RequestHandler, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import { paths } from '../../paths'
import { field, type FormErrors } from '../../presenters/form-errors'
import { completeView, returnView, unmoderatedErrors } from '../../presenters/moderation/finish.presenter'
import type { Services } from '../../services'
import {
  COMMENT_MAX_LENGTH,
  UnmoderatedQuestionsError,
  type UnmoderatedQuestion,
} from '../../services/moderation/moderation.service'
import { idOf, moderationFieldId } from './moderation-page'
import { wholeNumber } from '../../domain/format/plurals'

/** Completing and returning: each its own page, so one click on the overview never does either. */

/** The assessment's name and state, once the service has said this user may moderate it. */
async function subject(services: Services, req: Request) {
  const user = signedInUser(req)
  const id = idOf(req)
  await services.moderation.forModerator(user, id)
  const view = await services.assessments.view(user, id)
  return { user, id, assessment: view.assessment, organisationName: view.organisation.name }
}

async function renderComplete(
  services: Services,
  req: Request,
  res: Response,
  extra: { unmoderated?: UnmoderatedQuestion[]; errors?: FormErrors; comment?: string; status?: number } = {},
) {
  const { user, id, assessment, organisationName } = await subject(services, req)
  if (assessment.state !== 'in_moderation') {
    res.redirect(paths.moderation(id))
    return
  }
  const unmoderated = extra.unmoderated ?? (await services.moderation.unmoderated(user, id))
  const view = completeView({
    assessment,
    organisationName,
    unmoderated,
    fieldId: moderationFieldId,
    maxLength: COMMENT_MAX_LENGTH,
    ...extra,
  })
  await renderPage(res, 'moderation/complete', { title: view.heading, view, errors: extra.errors }, extra.status ?? 200)
}

/** GET: the "Are you sure" page, or what is left to moderate. It changes nothing. */
export function completePage(services: Services): RequestHandler {
  return (req, res) => renderComplete(services, req, res)
}

/** POST, from the check page's form only: completes, or names every question still unmoderated. */
export function completeModeration(services: Services): RequestHandler {
  return async (req, res) => {
    const id = idOf(req)
    const comment = field(req.body, 'comment')
    try {
      await services.moderation.complete(signedInUser(req), id, comment)
    } catch (error) {
      if (error instanceof ValidationError) {
        const message = `Comment must be ${wholeNumber(COMMENT_MAX_LENGTH)} characters or fewer: it has ${wholeNumber(comment.trim().length)}`
        const errors = { summary: [{ text: message, href: '#comment' }], fields: { comment: message } }
        return renderComplete(services, req, res, { errors, comment, status: 422 })
      }
      if (!(error instanceof UnmoderatedQuestionsError)) throw error
      const errors = unmoderatedErrors(id, error.questions, moderationFieldId)
      return renderComplete(services, req, res, { unmoderated: error.questions, errors, comment, status: 409 })
    }
    req.session.flash = { type: 'success', heading: 'Moderation completed' }
    res.redirect(paths.moderation(id))
  }
}

async function renderReturn(
  services: Services,
  req: Request,
  res: Response,
  extra: { errors?: FormErrors; comment?: string } = {},
) {
  const { id, assessment, organisationName } = await subject(services, req)
  if (assessment.state !== 'in_moderation') {
    res.redirect(paths.moderation(id))
    return
  }
  const view = returnView({ assessment, organisationName, maxLength: COMMENT_MAX_LENGTH, ...extra })
  await renderPage(
    res,
    'moderation/return',
    { title: view.heading, view, errors: extra.errors },
    extra.errors ? 422 : 200,
  )
}

/** GET: the page asking what the borough needs to change. */
export function returnPage(services: Services): RequestHandler {
  return (req, res) => renderReturn(services, req, res)
}

/** POST: returns the assessment with the comment, which is required and has a limit. */
export function returnAssessment(services: Services): RequestHandler {
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
          : comment.length > COMMENT_MAX_LENGTH
            ? `Comment must be ${wholeNumber(COMMENT_MAX_LENGTH)} characters or fewer: it has ${wholeNumber(comment.length)}`
            : `Comment ${error.errors[0]?.message ?? 'is not valid'}`
      const errors = { summary: [{ text: message, href: '#comment' }], fields: { comment: message } }
      return renderReturn(services, req, res, { errors, comment })
    }
    req.session.flash = { type: 'success', heading: 'Assessment returned to the borough' }
    res.redirect(paths.moderation(id))
  }
}
