import { moderationSections, unmoderatedQuestions } from '../../domain/assessment/moderation'
import type { AssessmentState } from '../../domain/assessment/workflow'
import { ConflictError, ValidationError } from '../../domain/errors'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { User } from '../../domain/user'
import type { Transaction } from '../../data/db'
import { moderatable, moveAssessment, type ModerationDeps } from './moderation-access'
import { plural, wholeNumber } from '../../domain/format/plurals'
import { COMMENT_MAX_LENGTH } from './return-assessment.service'

/** A scored question still without a moderated level, named as the assessor finds it. */
export interface UnmoderatedQuestion {
  sectionKey: string
  sectionTitle: string
  questionKey: string
  prompt: string
}

/** Completing refused: these scored questions have no moderated level yet. */
export class UnmoderatedQuestionsError extends ConflictError {
  constructor(readonly questions: UnmoderatedQuestion[]) {
    super(
      `Moderate every scored question before completing: ${plural(questions.length, 'is', 'are')} not moderated (${questions
        .map(q => q.questionKey)
        .join(', ')})`,
    )
  }
}

/** What is left to moderate in an assessment, as a moderator asks before completing. */
export function leftToModerate(deps: ModerationDeps) {
  return async function unmoderated(user: User, id: number): Promise<UnmoderatedQuestion[]> {
    await moderatable(deps, user, id)
    return unmoderatedOf(deps, id, await definitionFor(deps, id))
  }
}

/** The scored questions without a moderated level, read within the caller's transaction when given one. */
async function unmoderatedOf(
  { repos }: ModerationDeps,
  id: number,
  definition: QuestionnaireDefinition,
  trx?: Transaction,
): Promise<UnmoderatedQuestion[]> {
  const answers = await repos.assessments.answers(id, trx)
  const moderations = await repos.moderations.forAssessment(id, trx)
  const sections = moderationSections(
    definition,
    new Map(answers.map(a => [a.questionKey, a])),
    new Set(moderations.map(m => m.questionKey)),
  )
  return unmoderatedQuestions(sections).map(({ section, question }) => ({
    sectionKey: section.key,
    sectionTitle: section.title,
    questionKey: question.key,
    prompt: question.prompt,
  }))
}

async function definitionFor({ repos, questionnaires }: ModerationDeps, id: number) {
  const assessment = await repos.assessments.findById(id)
  const round = assessment && (await repos.rounds.findById(assessment.roundId))
  if (!round) throw new Error(`assessment ${id} has lost its round`)
  return questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion)
}

/**
 * Completes a moderation, with the assessor's overall comment if there is one. Every scored question must
 * have a moderated level first: the final scores are built from them.
 */
export function completeModeration(deps: ModerationDeps) {
  return async function complete(user: User, id: number, comment?: unknown): Promise<AssessmentState> {
    if (comment !== undefined && comment !== null && typeof comment !== 'string')
      throw new ValidationError([{ field: '/comment', message: 'must be text' }])
    const text = typeof comment === 'string' ? comment.trim() : ''
    if (text.length > COMMENT_MAX_LENGTH)
      throw new ValidationError([
        { field: '/comment', message: `must be ${wholeNumber(COMMENT_MAX_LENGTH)} characters or fewer` },
      ])
    await moderatable(deps, user, id)
    const definition = await definitionFor(deps, id)
    return moveAssessment(deps, user, id, 'complete', async trx => {
      // Read again under the assessment's lock, so a moderation cannot slip between the check and the move.
      const left = await unmoderatedOf(deps, id, definition, trx)
      if (left.length > 0) throw new UnmoderatedQuestionsError(left)
      // The comment is optional: with none there is nothing to write (an empty update is an error in knex).
      if (text !== '') await deps.repos.moderations.setComments(id, { moderation: text }, trx)
    })
  }
}
