import type { Request, RequestHandler, Response } from 'express'
import { EMPTY_ANSWER } from '../../domain/assessment/answer'
import { ForbiddenError, NotFoundError } from '../../domain/errors'
import type { Theme } from '../../domain/questionnaire/definition'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { AssessmentView, SaveInput, SaveOutcome } from '../../services/assessments/assessment.service'
import { fingerprint, parseAnswer, postedAnswers, type ParsedAnswer } from './answer-form'
import { field } from '../../presenters/form-errors'
import { paths } from '../../paths'
import { describeAnswer, fieldId } from '../../presenters/assessments/answer.presenter'
import { themePageView, type QuestionState } from '../../presenters/assessments/theme-page.presenter'
import { renderPage } from '../../middleware/render-page'
import { positiveId } from '../params'

/** A theme page of the questionnaire: its questions shown, and saved when the respondent continues. */

export const idOf = (req: Request): number => positiveId(req.params.id)

export function themesInOrder(view: AssessmentView) {
  return view.definition.dimensions.flatMap(dimension => dimension.themes.map(theme => ({ dimension, theme })))
}

function findTheme(view: AssessmentView, themeKey: string) {
  const themes = themesInOrder(view)
  const index = themes.findIndex(t => t.theme.key === themeKey)
  const found = themes[index]
  if (!found) throw new NotFoundError('There is no such theme in this questionnaire')
  return { ...found, index, next: themes[index + 1], previous: themes[index - 1] }
}

function savedStates(view: AssessmentView, theme: Theme): Map<string, QuestionState> {
  return new Map(
    theme.questions.map(q => {
      const answer = view.answers.get(q.key)
      return [q.key, { shown: answer, revision: answer?.revision ?? 0, base: fingerprint(answer ?? EMPTY_ANSWER) }]
    }),
  )
}

export function pageErrors(errors: { id: string; message: string }[]) {
  const fields: Record<string, string> = {}
  for (const e of errors) fields[e.id] ??= e.message
  return { summary: errors.map(e => ({ text: e.message, href: `#${e.id}` })), fields }
}

/** A service area's system question offers the systems the council and the catalogue have there. */
async function systemSuggestions(services: Services, view: AssessmentView, theme: Theme) {
  const system = theme.questions.find(q => q.role === 'system')
  if (!theme.serviceArea || !system) return undefined
  const names = await services.catalogue.systemNames(view.organisation.id, theme.serviceArea.categories)
  return new Map([[system.key, names]])
}

async function renderTheme(
  res: Response,
  services: Services,
  view: AssessmentView,
  themeKey: string,
  states: Map<string, QuestionState>,
  extra: { errors?: ReturnType<typeof pageErrors>; savedOthers?: boolean } = {},
  status = 200,
) {
  const located = findTheme(view, themeKey)
  const suggestions = await systemSuggestions(services, view, located.theme)
  const page = themePageView(view, located, states, { ...extra, ...(suggestions ? { suggestions } : {}) })
  await renderPage(res, 'assessments/theme', { title: located.theme.title, page, errors: extra.errors }, status)
}

export function showTheme(services: Services): RequestHandler {
  return async (req, res) => {
    const view = await services.assessments.view(signedInUser(req), idOf(req))
    const themeKey = String(req.params.themeKey)
    const { theme } = findTheme(view, themeKey)
    await renderTheme(res, services, view, themeKey, savedStates(view, theme))
  }
}

export function saveTheme(services: Services): RequestHandler {
  return async (req, res) => {
    const user = signedInUser(req)
    const id = idOf(req)
    const view = await services.assessments.view(user, id)
    if (!view.editable.allowed) throw new ForbiddenError(view.editable.reason)
    const themeKey = String(req.params.themeKey)
    const { theme, next } = findTheme(view, themeKey)
    const posted = postedAnswers(req.body)
    // A question whose fields were not on the page (a stale form, a crafted post) is left alone.
    const parsed = theme.questions.filter(q => posted.has(q.key)).map(q => parseAnswer(q, posted.get(q.key)))

    const errors = parsed.flatMap(p => p.errors)
    if (errors.length > 0) {
      // Questions the form did not carry show what is saved; the page draws every question of the theme.
      const states = savedStates(view, theme)
      for (const p of parsed) states.set(p.question.key, { shown: p.shown, revision: p.revision, base: p.base })
      return renderTheme(res, services, view, themeKey, states, { errors: pageErrors(errors) }, 400)
    }

    const outcomes = await services.assessments.saveMany(user, id, changedInputs(view, parsed))
    const conflicts = outcomes.filter(o => o.outcome === 'conflict')
    if (conflicts.length > 0) {
      const fresh = await services.assessments.view(user, id)
      return renderConflicts(res, services, { view: fresh, theme, themeKey, parsed }, conflicts, outcomes)
    }

    if (field(req.body, 'action') === 'later') {
      req.session.flash = {
        type: 'success',
        heading: 'Your answers have been saved',
        body: 'You or a colleague can come back to them at any time before the round closes.',
      }
      res.redirect(paths.assessment(id))
      return
    }
    res.redirect(next ? paths.assessmentTheme(id, next.theme.key) : paths.assessmentCheck(id))
  }
}

/**
 * Only what this person changed is saved, so an answer someone else saved meanwhile is never
 * overwritten by the old value that was on this page. Unchanged carried answers are confirmed.
 */
function changedInputs(view: AssessmentView, parsed: ParsedAnswer[]): Map<string, SaveInput> {
  const inputs = new Map<string, SaveInput>()
  for (const p of parsed) {
    if (!p.content || p.resolve === 'theirs') continue
    const carried = view.answers.get(p.question.key)?.carriedFrom
    if (fingerprint(p.content) === p.base && !carried) continue
    inputs.set(p.question.key, { content: p.content, revision: p.revision })
  }
  return inputs
}

/** The theme again, each conflicting answer showing this person's choice beside what someone else saved. */
function renderConflicts(
  res: Response,
  services: Services,
  page: { view: AssessmentView; theme: Theme; themeKey: string; parsed: ParsedAnswer[] },
  conflicts: SaveOutcome[],
  outcomes: SaveOutcome[],
) {
  const { view, theme, themeKey, parsed } = page
  const states = savedStates(view, theme)
  for (const c of conflicts) {
    const mine = parsed.find(p => p.question.key === c.questionKey)
    const current = c.current
    states.set(c.questionKey, {
      shown: mine?.content,
      revision: c.revision,
      base: fingerprint(current ?? EMPTY_ANSWER),
      conflict: {
        theirs: mine ? describeAnswer(mine.question, current, view.definition.scale.levels) : '',
        by: current?.updatedBy?.name ?? 'Someone',
        at: current?.updatedAt ?? new Date(),
      },
    })
  }
  const summary = conflicts.map(c => {
    const q = theme.questions.find(x => x.key === c.questionKey)
    return {
      id: fieldId(c.questionKey),
      message: `${q?.prompt ?? c.questionKey}: someone else changed this answer while you were editing. Choose which answer to keep.`,
    }
  })
  return renderTheme(
    res,
    services,
    view,
    themeKey,
    states,
    { errors: pageErrors(summary), savedOthers: outcomes.some(o => o.outcome === 'saved') },
    409,
  )
}
