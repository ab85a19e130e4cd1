import type { Request, Response } from 'express'
import { EMPTY_ANSWER, type Answer } from '../../domain/assessment/answer'
import { STATE_LABELS } from '../../domain/assessment/workflow'
import { ForbiddenError, NotFoundError } from '../../domain/errors'
import type { Theme } from '../../domain/questionnaire/definition'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { AssessmentView, SaveInput } from '../../services/assessments/assessment.service'
import { fingerprint, parseAnswer, postedAnswers, type ParsedAnswer } from './answer-form'
import { field } from '../../presenters/form-errors'
import { paths, patterns } from '../../paths'
import { conditionText, describeAnswer, fieldId, questionView } from '../../presenters/assessments/answer.presenter'
import { historyRows } from '../../presenters/assessments/history.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

const RESPONDENT = ['respondent'] as const

const idOf = (req: Request): number => positiveId(req.params.id)

function themesInOrder(view: AssessmentView) {
  return view.definition.dimensions.flatMap(dimension => dimension.themes.map(theme => ({ dimension, theme })))
}

function findTheme(view: AssessmentView, themeKey: string) {
  const themes = themesInOrder(view)
  const index = themes.findIndex(t => t.theme.key === themeKey)
  const found = themes[index]
  if (!found) throw new NotFoundError('There is no such section in this questionnaire')
  return { ...found, index, next: themes[index + 1], previous: themes[index - 1] }
}

interface QuestionState {
  shown: Answer | ParsedAnswer['shown'] | undefined
  revision: number
  base: string
  conflict?: { theirs: string; by: string; at: Date }
}

function savedStates(view: AssessmentView, theme: Theme): Map<string, QuestionState> {
  return new Map(
    theme.questions.map(q => {
      const answer = view.answers.get(q.key)
      return [q.key, { shown: answer, revision: answer?.revision ?? 0, base: fingerprint(answer ?? EMPTY_ANSWER) }]
    }),
  )
}

export function assessmentRoutes(services: Services): RouteDefinition[] {
  async function renderTheme(
    res: Response,
    view: AssessmentView,
    themeKey: string,
    states: Map<string, QuestionState>,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const located = findTheme(view, themeKey)
    await renderPage(
      res,
      'assessments/theme',
      {
        title: located.theme.title,
        view,
        ...located,
        states,
        describeAnswer,
        conditionText,
        fieldId,
        questionView,
        ...extra,
      },
      status,
    )
  }

  return [
    route('get', paths.assessments, ALL_ROLES, async (req, res) => {
      const rows = await services.assessments.list(signedInUser(req))
      await renderPage(res, 'assessments/list', { title: 'Assessments', rows, stateLabels: STATE_LABELS })
    }),

    route('get', patterns.assessment, ALL_ROLES, async (req, res) => {
      const view = await services.assessments.view(signedInUser(req), idOf(req))
      await renderPage(res, 'assessments/task-list', {
        title: `${view.organisation.name}: ${view.round.name}`,
        view,
        stateLabels: STATE_LABELS,
        themes: themesInOrder(view),
      })
    }),

    route('post', patterns.assessmentCarryOver, RESPONDENT, async (req, res) => {
      const id = idOf(req)
      const count = await services.assessments.carryOver(signedInUser(req), id)
      req.session.flash = {
        type: 'success',
        heading: `${count} answers carried over`,
        body: 'Each is marked “confirm or change”: check each one before you submit.',
      }
      res.redirect(paths.assessment(id))
    }),

    route('get', patterns.assessmentTheme, ALL_ROLES, async (req, res) => {
      const view = await services.assessments.view(signedInUser(req), idOf(req))
      const themeKey = String(req.params.themeKey)
      const { theme } = findTheme(view, themeKey)
      await renderTheme(res, view, themeKey, savedStates(view, theme))
    }),

    route('post', patterns.assessmentTheme, RESPONDENT, async (req, res) => {
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
        return renderTheme(res, view, themeKey, states, { errors: pageErrors(errors) }, 400)
      }

      // Only what this person changed is saved, so an answer someone else saved meanwhile is never
      // overwritten by the old value that was on this page. Unchanged carried answers are confirmed.
      const inputs = new Map<string, SaveInput>()
      for (const p of parsed) {
        if (!p.content || p.resolve === 'theirs') continue
        const carried = view.answers.get(p.question.key)?.carriedFrom
        if (fingerprint(p.content) === p.base && !carried) continue
        inputs.set(p.question.key, { content: p.content, revision: p.revision })
      }
      const outcomes = await services.assessments.saveMany(user, id, inputs)
      const conflicts = outcomes.filter(o => o.outcome === 'conflict')
      if (conflicts.length > 0) {
        const fresh = await services.assessments.view(user, id)
        const states = savedStates(fresh, theme)
        for (const c of conflicts) {
          const mine = parsed.find(p => p.question.key === c.questionKey)
          const current = c.current
          states.set(c.questionKey, {
            shown: mine?.content,
            revision: c.revision,
            base: fingerprint(current ?? EMPTY_ANSWER),
            conflict: {
              theirs: mine ? describeAnswer(mine.question, current, fresh.definition.scale.levels) : '',
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
          fresh,
          themeKey,
          states,
          { errors: pageErrors(summary), savedOthers: outcomes.some(o => o.outcome === 'saved') },
          409,
        )
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
    }),

    route('get', patterns.assessmentCheck, ALL_ROLES, async (req, res) => {
      const view = await services.assessments.view(signedInUser(req), idOf(req))
      await renderPage(res, 'assessments/check', {
        title: 'Check your answers',
        view,
        themes: themesInOrder(view),
        describeAnswer,
        fieldId,
      })
    }),

    route('post', patterns.assessmentSubmit, RESPONDENT, async (req, res) => {
      const user = signedInUser(req)
      const id = idOf(req)
      const view = await services.assessments.view(user, id)
      const common = { title: 'Check your answers', view, themes: themesInOrder(view), describeAnswer, fieldId }
      if (field(req.body, 'declaration') !== 'agreed') {
        return renderPage(
          res,
          'assessments/check',
          {
            ...common,
            errors: pageErrors([{ id: 'declaration', message: 'Confirm the declaration to submit the assessment' }]),
          },
          400,
        )
      }
      const result = await services.assessments.submit(user, id)
      if ('problems' in result) {
        const errors = {
          summary: result.problems.map(p => ({
            text: p.message,
            href: `${paths.assessmentTheme(id, p.themeKey)}#${fieldId(p.questionKey)}`,
          })),
          fields: {},
        }
        return renderPage(res, 'assessments/check', { ...common, errors }, 422)
      }
      res.redirect(paths.assessmentSubmitted(id))
    }),

    route('get', patterns.assessmentSubmitted, ALL_ROLES, async (req, res) => {
      const view = await services.assessments.view(signedInUser(req), idOf(req))
      await renderPage(res, 'assessments/submitted', { title: 'Assessment submitted', view })
    }),

    route('get', patterns.assessmentHistory, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const id = idOf(req)
      const [view, events] = await Promise.all([
        services.assessments.view(user, id),
        services.assessments.history(user, id),
      ])
      await renderPage(res, 'assessments/history', {
        title: 'History',
        view,
        rows: historyRows(events, view.definition),
      })
    }),
  ]
}

function pageErrors(errors: { id: string; message: string }[]) {
  const fields: Record<string, string> = {}
  for (const e of errors) fields[e.id] ??= e.message
  return { summary: errors.map(e => ({ text: e.message, href: `#${e.id}` })), fields }
}
