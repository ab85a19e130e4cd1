import type { Answer, AnswerContent } from '../../domain/assessment/answer'
import type { User } from '../../domain/user'

/** The audit event of one answer saved, or confirmed unchanged after carrying over. */
export function answerEvent(
  user: User,
  assessmentId: number,
  questionKey: string,
  existing: Answer | undefined,
  content: AnswerContent,
  unchanged: boolean,
  at: Date,
) {
  return {
    at,
    actorUserId: user.id,
    action: unchanged ? 'answer.confirmed' : 'answer.saved',
    entityType: 'assessment',
    entityId: assessmentId,
    before: existing ? { questionKey, ...contentOf(existing), revision: existing.revision } : { questionKey },
    after: { questionKey, ...content, revision: (existing?.revision ?? 0) + 1 },
  }
}

export function contentOf(answer: AnswerContent): AnswerContent {
  return { level: answer.level, value: answer.value, notApplicable: answer.notApplicable, evidence: answer.evidence }
}
