import { moderationSections, type ModerationSection } from '../../domain/assessment/moderation'
import { NotFoundError, ValidationError, type FieldError } from '../../domain/errors'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { User } from '../../domain/user'
import { moderatable, type ModerationDeps } from './moderation-access'
import {
  lockInModeration,
  ModerationConflictError,
  RATIONALE_MAX_LENGTH,
  recordModeration,
} from './moderate-question.service'
import { wholeNumber } from '../../domain/format/plurals'

/** One question's part of a section's form: no level means the assessor left it for later. */
export interface SectionEntry {
  questionKey: string
  level: number | undefined
  rationale: string
  revision: number
}

export interface SectionResult {
  saved: number
  agreed: number
  /** The sections after the save, for the page to choose where to go next. */
  sections: ModerationSection[]
}

/** The field a section error belongs to: `/questions/<key>/level` or `/questions/<key>/rationale`. */
export const sectionField = (questionKey: string, part: 'level' | 'rationale') => `/questions/${questionKey}/${part}`

/**
 * Saves the levels an assessor chose on one section's page, all or none, then, when asked, agrees with
 * the borough on every scored question of the section still unmoderated: its moderated level becomes the
 * borough's own level, with no rationale since nothing changed. Questions already moderated keep theirs.
 */
export function moderateSection(deps: ModerationDeps) {
  const { repos, questionnaires } = deps
  return async function saveSection(
    user: User,
    id: number,
    themeKey: string,
    input: { entries: SectionEntry[]; agreeRest: boolean },
  ): Promise<SectionResult> {
    const assessment = await moderatable(deps, user, id)
    const round = await repos.rounds.findById(assessment.roundId)
    if (!round) throw new Error(`assessment ${id} has lost its round`)
    const definition = await questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion)
    return repos.database.transaction(async trx => {
      await lockInModeration(deps, id, trx)
      const answers = new Map((await repos.assessments.answers(id, trx)).map(a => [a.questionKey, a]))
      const moderated = new Set((await repos.moderations.forAssessment(id, trx)).map(m => m.questionKey))
      const section = sectionOf(definition, answers, moderated, themeKey)
      const keys = new Set(section.questions.map(q => q.key))
      const selfLevel = (key: string) => {
        const a = answers.get(key)
        return a && !a.notApplicable ? a.level : null
      }
      checkEntries(
        input.entries.filter(e => keys.has(e.questionKey)),
        selfLevel,
      )
      const entries = input.entries.filter(e => keys.has(e.questionKey) && e.level !== undefined)
      let saved = 0
      for (const e of entries) {
        const existing = await repos.moderations.findForUpdate(id, e.questionKey, trx)
        const rationale = e.rationale.trim() === '' ? null : e.rationale.trim()
        if (existing && existing.level === e.level && (existing.rationale ?? null) === rationale) continue
        if ((existing?.revision ?? 0) !== e.revision) throw new ModerationConflictError(existing, e.questionKey)
        await recordModeration(deps, user, id, trx, {
          questionKey: e.questionKey,
          level: e.level as number,
          rationale,
          existing,
          selfLevel: selfLevel(e.questionKey),
        })
        moderated.add(e.questionKey)
        saved++
      }
      let agreed = 0
      if (input.agreeRest) {
        for (const q of section.toModerate) {
          const level = selfLevel(q.key)
          if (moderated.has(q.key) || level === null) continue
          if (await repos.moderations.findForUpdate(id, q.key, trx)) continue
          await recordModeration(deps, user, id, trx, {
            questionKey: q.key,
            level,
            rationale: null,
            existing: undefined,
            selfLevel: level,
            agreedInBulk: true,
          })
          moderated.add(q.key)
          agreed++
        }
      }
      return { saved, agreed, sections: moderationSections(definition, answers, moderated) }
    })
  }
}

function sectionOf(
  definition: QuestionnaireDefinition,
  answers: Parameters<typeof moderationSections>[1],
  moderated: ReadonlySet<string>,
  themeKey: string,
): ModerationSection {
  const section = moderationSections(definition, answers, moderated).find(s => s.key === themeKey)
  if (!section) throw new NotFoundError('There is no such theme to moderate in this questionnaire')
  return section
}

/** Every entry's level on the scale, a level for every rationale, and a rationale, within its limit, for each change of level. */
function checkEntries(entries: readonly SectionEntry[], selfLevel: (key: string) => number | null): void {
  const errors: FieldError[] = []
  for (const e of entries) {
    if (e.level === undefined) {
      // A rationale with no level would be lost without a word: ask for the level instead.
      if (e.rationale.trim() !== '')
        errors.push({
          field: sectionField(e.questionKey, 'level'),
          message: 'Select a moderated level for the rationale you gave',
        })
      continue
    }
    const level = e.level
    if (!Number.isInteger(level) || level < 1 || level > 5)
      errors.push({ field: sectionField(e.questionKey, 'level'), message: 'Select a moderated level from 1 to 5' })
    else if (e.rationale.length > RATIONALE_MAX_LENGTH)
      errors.push({
        field: sectionField(e.questionKey, 'rationale'),
        message: `Rationale must be ${wholeNumber(RATIONALE_MAX_LENGTH)} characters or fewer`,
      })
    else if (level !== selfLevel(e.questionKey) && e.rationale.trim() === '')
      errors.push({
        field: sectionField(e.questionKey, 'rationale'),
        message: 'Enter a rationale for a level different from the borough’s',
      })
  }
  if (errors.length > 0) throw new ValidationError(errors)
}
