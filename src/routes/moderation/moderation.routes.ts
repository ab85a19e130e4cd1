import type { Request, Response } from 'express'
import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { ValidationError } from '../../domain/errors'
import type { MaturityQuestion } from '../../domain/questionnaire/definition'
import { score } from '../../domain/scoring'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { Moderation } from '../../domain/assessment/moderation'
import { ModerationConflictError } from '../../services/moderation/moderation.service'
import { field, type FormErrors } from '../../presenters/form-errors'
import { assessorView } from '../../presenters/assessments/answer.presenter'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

const MODERATORS = ['assessor', 'admin'] as const
const QUEUE_STATES: readonly AssessmentState[] = ['submitted', 'in_moderation', 'returned', 'moderated']
/** Tag colours for states: the words carry the meaning, the colour only repeats it. */
const STATE_TAGS: Partial<Record<AssessmentState, string>> = {
  submitted: 'govuk-tag--blue',
  in_moderation: 'govuk-tag--yellow',
  returned: 'govuk-tag--orange',
  moderated: 'govuk-tag--green',
}

const idOf = (req: Request): number => positiveId(req.params.id)

/** The id of a question's first moderation field, so the error summary can point at it. */
export const moderationFieldId = (key: string): string => `moderation-${key.replace(/\./g, '__')}`

const rounded = (value: number | null): string => (value === null ? 'No score' : value.toFixed(2))

const londonDate = (date: Date | null): string =>
  date
    ? date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
    : 'Not submitted'

/** What the page shows back when a save fails: the assessor's own choice, not the stored one. */
interface Posted {
  questionKey?: string
  level?: string
  rationale?: string
  comment?: string
  conflict?: Moderation
}

export function moderationRoutes(services: Services): RouteDefinition[] {
  async function renderModeration(req: Request, res: Response, extra: { errors?: FormErrors; posted?: Posted } = {}) {
    const user = signedInUser(req)
    const id = idOf(req)
    const { moderations, comments } = await services.moderation.forModerator(user, id)
    const view = await services.assessments.view(user, id)
    const byKey = new Map(moderations.map(m => [m.questionKey, m]))
    const moderatedLevels = new Map(moderations.map(m => [m.questionKey, m.level]))
    const self = score(view.definition, { answers: view.answers, basis: 'self' })
    const final = score(view.definition, { answers: view.answers, moderatedLevels, basis: 'final' })
    const scores = [
      ...view.definition.dimensions.map((d, i) => ({
        title: d.title,
        self: rounded(self.dimensions[i]?.score ?? null),
        final: rounded(final.dimensions[i]?.score ?? null),
      })),
      { title: 'Overall', self: rounded(self.overall), final: rounded(final.overall) },
    ]
    const sections = view.definition.dimensions.map(dimension => ({
      dimension,
      themes: dimension.themes
        .map(theme => ({
          theme,
          questions: theme.questions.filter((q): q is MaturityQuestion => q.type === 'maturity'),
        }))
        .filter(t => t.questions.length > 0),
    }))
    const status = extra.posted?.conflict ? 409 : extra.errors ? 422 : 200
    await renderPage(
      res,
      'moderation/assessment',
      {
        title: `Moderate ${view.organisation.name}`,
        view,
        moderations: byKey,
        comments,
        scores,
        sections,
        stateLabels: STATE_LABELS,
        stateTags: STATE_TAGS,
        moderationFieldId,
        assessorView,
        submittedOn: londonDate(view.assessment.submittedAt),
        ...extra,
      },
      status,
    )
  }

  /** A question's errors, each linked to its field and named by its prompt. */
  function questionErrors(id: string, prompt: string, error: ValidationError): FormErrors {
    const fields: Record<string, string> = {}
    const summary: FormErrors['summary'] = []
    for (const e of error.errors) {
      const target = e.field === '/rationale' ? `${id}-rationale` : id
      if (fields[target]) continue
      const text =
        e.field === '/level'
          ? 'select a moderated level from 1 to 5'
          : e.message.startsWith('must')
            ? `${e.field === '/rationale' ? 'the rationale' : 'the form'} ${e.message}`
            : e.message
      fields[target] = text.charAt(0).toUpperCase() + text.slice(1)
      summary.push({ text: `${fields[target]}: “${prompt}”`, href: `#${target}` })
    }
    return { summary, fields }
  }

  return [
    route('get', paths.moderationQueue, MODERATORS, async (req, res) => {
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
        rounds,
        round,
        rows,
        states: QUEUE_STATES,
        stateFilter,
        stateLabels: STATE_LABELS,
        stateTags: STATE_TAGS,
      })
    }),

    route('get', patterns.moderation, MODERATORS, (req, res) => renderModeration(req, res)),

    route('post', patterns.moderationOpen, MODERATORS, async (req, res) => {
      const id = idOf(req)
      await services.moderation.open(signedInUser(req), id)
      req.session.flash = { type: 'success', heading: 'Moderation started' }
      res.redirect(paths.moderation(id))
    }),

    route('post', patterns.moderationQuestion, MODERATORS, async (req, res) => {
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
          return renderModeration(req, res, { errors, posted: { ...posted, conflict: error.current } })
        }
        if (!(error instanceof ValidationError)) throw error
        return renderModeration(req, res, {
          errors: questionErrors(moderationFieldId(questionKey), question.prompt, error),
          posted,
        })
      }
      req.session.flash = { type: 'success', heading: `Moderation saved: ${question.prompt}` }
      res.redirect(`${paths.moderation(id)}#question-${moderationFieldId(questionKey)}`)
    }),

    route('post', patterns.moderationReturn, MODERATORS, async (req, res) => {
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
        return renderModeration(req, res, { errors, posted: { comment } })
      }
      req.session.flash = { type: 'success', heading: 'Assessment returned to the borough' }
      res.redirect(paths.moderation(id))
    }),

    route('post', patterns.moderationComplete, MODERATORS, async (req, res) => {
      const id = idOf(req)
      const comment = field(req.body, 'comment')
      await services.moderation.complete(signedInUser(req), id, comment)
      req.session.flash = { type: 'success', heading: 'Moderation completed' }
      res.redirect(paths.moderation(id))
    }),
  ]
}
