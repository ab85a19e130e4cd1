import type { Request, Response } from 'express'
import { score } from '../../domain/scoring'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { moderationPageView } from '../../presenters/moderation/assessment.presenter'
import { renderPage } from '../../middleware/render-page'
import { positiveId } from '../params'
import { longDate } from '../../domain/format/dates'

/** The moderation page of one assessment: self and final scores, each maturity question to moderate. */

export const idOf = (req: Request): number => positiveId(req.params.id)

/** The id of a question's first moderation field, so the error summary can point at it. */
export const moderationFieldId = (key: string): string => `moderation-${key.replace(/\./g, '__')}`

const rounded = (value: number | null): string => (value === null ? 'No score' : value.toFixed(2))

export const submittedOn = (date: Date | null): string => (date ? longDate(date) : 'Not submitted')

/** The overview of one assessment's moderation: its state, scores, and each section's progress. */
export async function renderModeration(services: Services, req: Request, res: Response) {
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
  await renderPage(res, 'moderation/assessment', {
    title: `Moderate ${view.organisation.name}`,
    view: moderationPageView({
      assessment: view.assessment,
      round: view.round,
      organisationName: view.organisation.name,
      definition: view.definition,
      answers: view.answers,
      moderations: byKey,
      comments,
      scores,
      submittedOn: submittedOn(view.assessment.submittedAt),
      fieldId: moderationFieldId,
    }),
  })
}
