import type { RequestHandler } from 'express'
import { submitProblems } from '../../domain/assessment/progress'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { field } from '../../presenters/form-errors'
import { paths, patterns } from '../../paths'
import { carriedFlash, declineCheckView, declinedFlash } from '../../presenters/assessments/carry-over.presenter'
import { checkView } from '../../presenters/assessments/check.presenter'
import { submitErrors } from '../../presenters/assessments/submit-errors.presenter'
import { assessmentListView } from '../../presenters/assessments/list.presenter'
import { submittedView } from '../../presenters/assessments/submitted.presenter'
import { historyRows, historyView } from '../../presenters/assessments/history.presenter'
import { taskListView } from '../../presenters/assessments/task-list.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { idOf, saveTheme, showTheme } from './theme-page'

const RESPONDENT = ['respondent'] as const

/** Every page of a respondent's assessment, in one table: who may reach each is declared here. */
export function assessmentRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.assessments, ALL_ROLES, listPage(services)),
    route('get', patterns.assessment, ALL_ROLES, taskListPage(services)),
    route('post', patterns.assessmentCarryOver, RESPONDENT, carryOver(services)),
    route('get', patterns.assessmentCarryOverDecline, RESPONDENT, confirmDecline(services)),
    route('post', patterns.assessmentCarryOverDecline, RESPONDENT, declineCarryOver(services)),
    route('get', patterns.assessmentTheme, ALL_ROLES, showTheme(services)),
    route('post', patterns.assessmentTheme, RESPONDENT, saveTheme(services)),
    route('get', patterns.assessmentCheck, ALL_ROLES, checkPage(services)),
    route('post', patterns.assessmentSubmit, RESPONDENT, submit(services)),
    route('get', patterns.assessmentSubmitted, ALL_ROLES, submittedPage(services)),
    route('get', patterns.assessmentHistory, ALL_ROLES, historyPage(services)),
  ]
}

function listPage(services: Services): RequestHandler {
  return async (req, res) => {
    const rows = await services.assessments.list(signedInUser(req))
    await renderPage(res, 'assessments/list', { title: 'Assessments', view: assessmentListView(rows) })
  }
}

function taskListPage(services: Services): RequestHandler {
  return async (req, res) => {
    const view = await services.assessments.view(signedInUser(req), idOf(req))
    await renderPage(res, 'assessments/task-list', {
      title: `${view.organisation.name}: ${view.round.name}`,
      view: taskListView(view),
    })
  }
}

function carryOver(services: Services): RequestHandler {
  return async (req, res) => {
    const id = idOf(req)
    req.session.flash = carriedFlash(await services.assessments.carryOver(signedInUser(req), id))
    res.redirect(paths.assessment(id))
  }
}

// Declining cannot be undone for the whole council: a check page says so before anything happens.
function confirmDecline(services: Services): RequestHandler {
  return async (req, res) => {
    const view = declineCheckView(await services.assessments.view(signedInUser(req), idOf(req)))
    await renderPage(res, 'admin/check', { title: 'Start without last round’s answers?', view })
  }
}

function declineCarryOver(services: Services): RequestHandler {
  return async (req, res) => {
    const id = idOf(req)
    const { from } = await services.assessments.declineCarryOver(signedInUser(req), id)
    req.session.flash = declinedFlash(from)
    res.redirect(paths.assessment(id))
  }
}

function checkPage(services: Services): RequestHandler {
  return async (req, res) => {
    const view = await services.assessments.view(signedInUser(req), idOf(req))
    await renderPage(res, 'assessments/check', { title: 'Check your answers', view: checkView(view) })
  }
}

function submit(services: Services): RequestHandler {
  return async (req, res) => {
    const user = signedInUser(req)
    const id = idOf(req)
    const view = await services.assessments.view(user, id)
    const confirmed = field(req.body, 'declaration') === 'agreed'
    // Without the declaration nothing is submitted, but what is missing is said now as well, not after.
    const result = confirmed
      ? await services.assessments.submit(user, id)
      : { problems: submitProblems(view.definition, view.answers) }
    if ('problems' in result) {
      const errors = submitErrors(view, result.problems, confirmed)
      const status = result.problems.length > 0 ? 422 : 400
      return renderPage(
        res,
        'assessments/check',
        { title: 'Check your answers', view: checkView(view), errors },
        status,
      )
    }
    res.redirect(paths.assessmentSubmitted(id))
  }
}

function submittedPage(services: Services): RequestHandler {
  return async (req, res) => {
    const view = await services.assessments.view(signedInUser(req), idOf(req))
    await renderPage(res, 'assessments/submitted', { title: 'Assessment submitted', view: submittedView(view) })
  }
}

function historyPage(services: Services): RequestHandler {
  return async (req, res) => {
    const user = signedInUser(req)
    const id = idOf(req)
    const [view, events] = await Promise.all([
      services.assessments.view(user, id),
      services.assessments.history(user, id),
    ])
    await renderPage(res, 'assessments/history', {
      title: 'History',
      view: historyView(view, historyRows(events, view.definition)),
    })
  }
}
