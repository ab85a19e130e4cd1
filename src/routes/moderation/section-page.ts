import type { Request, RequestHandler, Response } from 'express'
import { moderationSections, nextSectionToModerate } from '../../domain/assessment/moderation'
import { NotFoundError, ValidationError } from '../../domain/errors'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import { paths } from '../../paths'
import { field, type FormErrors } from '../../presenters/form-errors'
import type { PostedModeration } from '../../presenters/moderation/question.presenter'
import { moderationSectionView } from '../../presenters/moderation/section.presenter'
import type { Services } from '../../services'
import { ModerationConflictError, sectionField, type SectionEntry } from '../../services/moderation/moderation.service'
import { idOf, moderationFieldId } from './moderation-page'
import { plural } from '../../domain/format/plurals'

/** One section (theme) of an assessment to moderate, in one form. */

const themeKeyOf = (req: Request) => String(req.params.themeKey)

async function loadSection(services: Services, req: Request) {
  const user = signedInUser(req)
  const id = idOf(req)
  const { moderations } = await services.moderation.forModerator(user, id)
  const view = await services.assessments.view(user, id)
  const byKey = new Map(moderations.map(m => [m.questionKey, m]))
  const section = moderationSections(view.definition, view.answers, byKey).find(s => s.key === themeKeyOf(req))
  if (!section) throw new NotFoundError('There is no such theme to moderate in this questionnaire')
  return { view, byKey, section }
}

export async function renderSection(
  services: Services,
  req: Request,
  res: Response,
  extra: { errors?: FormErrors; posted?: Map<string, PostedModeration>; status?: number } = {},
) {
  const { view, byKey, section } = await loadSection(services, req)
  await renderPage(
    res,
    'moderation/section',
    {
      title: `${section.title} – Moderate ${view.organisation.name}`,
      view: moderationSectionView({
        assessment: view.assessment,
        organisationName: view.organisation.name,
        section,
        levels: view.definition.scale.levels,
        levelRule: view.definition.levelRule,
        answers: view.answers,
        moderations: byKey,
        fieldId: moderationFieldId,
        posted: extra.posted,
        errors: extra.errors,
      }),
      errors: extra.errors,
    },
    extra.status ?? 200,
  )
}

/** The section's errors, each on its field and named in the summary by its question's prompt. */
function sectionErrors(error: ValidationError, prompts: ReadonlyMap<string, string>): FormErrors {
  const fields: Record<string, string> = {}
  const summary: FormErrors['summary'] = []
  for (const [key, prompt] of prompts) {
    const id = moderationFieldId(key)
    for (const [part, target] of [
      ['level', id],
      ['rationale', `${id}-rationale`],
    ] as const) {
      const e = error.errors.find(x => x.field === sectionField(key, part))
      if (!e || fields[target]) continue
      fields[target] = e.message
      summary.push({ text: `${e.message}: “${prompt}”`, href: `#${target}` })
    }
  }
  if (summary.length === 0)
    summary.push({ text: 'The form could not be saved: reload the page and try again', href: '#main-content' })
  return { summary, fields }
}

/** Saves a section's levels, or agrees with the borough on the rest of it, then goes to the next section left. */
export function saveSection(services: Services): RequestHandler {
  return async (req, res) => {
    const user = signedInUser(req)
    const id = idOf(req)
    const themeKey = themeKeyOf(req)
    const { section } = await loadSection(services, req)
    const posted = new Map<string, PostedModeration>()
    const entries: SectionEntry[] = section.questions.map(q => {
      const fid = moderationFieldId(q.key)
      const level = field(req.body, fid)
      const rationale = field(req.body, `${fid}-rationale`)
      posted.set(q.key, { level, rationale })
      const revision = field(req.body, `${fid}-revision`)
      return {
        questionKey: q.key,
        level: level === '' ? undefined : Number(level),
        rationale,
        revision: /^\d+$/.test(revision) ? Number(revision) : -1,
      }
    })
    const agreeRest = field(req.body, 'action') === 'agree'
    let result
    try {
      result = await services.moderation.moderateSection(user, id, themeKey, { entries, agreeRest })
    } catch (error) {
      if (error instanceof ModerationConflictError && error.questionKey) {
        const prompt = section.questions.find(q => q.key === error.questionKey)?.prompt ?? ''
        const fid = moderationFieldId(error.questionKey)
        const mine = posted.get(error.questionKey)
        posted.set(error.questionKey, { ...mine, conflict: error.current })
        const text = `Another assessor changed the moderation of “${prompt}” while you were working: check their level, then save yours again if you still disagree`
        return renderSection(services, req, res, {
          errors: { summary: [{ text, href: `#${fid}` }], fields: {} },
          posted,
          status: 409,
        })
      }
      if (!(error instanceof ValidationError)) throw error
      const prompts = new Map(section.questions.map(q => [q.key, q.prompt]))
      return renderSection(services, req, res, { errors: sectionErrors(error, prompts), posted, status: 422 })
    }
    const said = [
      result.saved > 0 && `${plural(result.saved, 'level')} saved`,
      result.agreed > 0 && `agreed with the borough on ${plural(result.agreed, 'question')}`,
    ].filter(Boolean)
    req.session.flash = {
      type: 'success',
      heading: `${section.title}: ${said.length > 0 ? said.join(', ') : 'nothing changed'}`,
    }
    const next = nextSectionToModerate(result.sections, themeKey)
    res.redirect(next ? paths.moderationSection(id, next.key) : paths.moderation(id))
  }
}
