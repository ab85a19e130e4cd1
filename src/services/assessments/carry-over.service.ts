import { carryOver as carryAnswersOver, planCarryOver } from '../../domain/assessment/carry-over'
import { allQuestions } from '../../domain/questionnaire/definition'
import type { User } from '../../domain/user'
import type { AssessmentDeps } from './assessment-access'
import { contentOf } from './answer-event'
import { lockAndDecide, openOffer } from './carry-over-offer'
import { moveState } from './move-state'

/** What taking last round's answers did: how many were carried, and which questions kept this round's answer. */
export interface CarryOverResult {
  from: string
  carried: number
  kept: { questionKey: string; prompt: string }[]
}

/**
 * Takes the organisation's last final answers (moderated levels where there are some) onto every question
 * this round has not answered yet, each marked as carried so the respondent confirms or changes it. An
 * answer already given is never overwritten: which questions are answered is read under the assessment's
 * lock, so an answer saved a moment before is kept, and one saved after waits and sees the carried one.
 */
export function carryOver(deps: AssessmentDeps) {
  const { repos, clock } = deps
  return async function carryOver(user: User, id: number): Promise<CarryOverResult> {
    const { definition, previous } = await openOffer(deps, user, id)
    const [oldAnswers, oldModerations] = await Promise.all([
      repos.assessments.answers(previous.assessment.id),
      repos.moderations.forAssessment(previous.assessment.id),
    ])
    const old = new Map(oldAnswers.map(a => [a.questionKey, contentOf(a)]))
    const moderatedLevels = new Map(oldModerations.map(m => [m.questionKey, m.level]))
    const carried = carryAnswersOver(old, definition, previous.keyMap, moderatedLevels)
    const from = previous.round.name
    const plan = await repos.database.transaction(async trx => {
      const assessment = await lockAndDecide(deps, trx, user, id, { carryOver: 'taken', from })
      const existing = new Map((await repos.assessments.answers(id, trx)).map(a => [a.questionKey, a]))
      const plan = planCarryOver(carried, existing, definition)
      const now = clock()
      for (const { questionKey, content, revision } of plan.write)
        await repos.assessments.writeAnswer(
          id,
          questionKey,
          content,
          { revision, at: now, by: user.id, carriedFrom: from },
          trx,
        )
      await repos.audit.record(
        {
          at: now,
          actorUserId: user.id,
          action: 'assessment.carried-over',
          entityType: 'assessment',
          entityId: id,
          after: { from, answers: plan.write.length, kept: plan.kept },
        },
        trx,
      )
      if (assessment.state === 'not_started' && plan.write.length > 0)
        await moveState(deps, trx, assessment, 'start', user.id)
      return plan
    })
    const prompts = new Map(allQuestions(definition).map(l => [l.question.key, l.question.prompt]))
    return {
      from,
      carried: plan.write.length,
      kept: plan.kept.map(questionKey => ({ questionKey, prompt: prompts.get(questionKey) ?? questionKey })),
    }
  }
}
