import {
  DEMO_ASSESSORS,
  DEMO_MODERATION_SEED,
  demoAssessorTurns,
  demoModerationComment,
  demoModerations,
} from '../../../seeds/demo-moderations'
import { randomFrom } from '../../../seeds/demo-assessments'
import { LONDON_AUTHORITIES } from '../../../seeds/reference-data'
import type { AnswerContent } from '../../domain/assessment/answer'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { Organisation } from '../../domain/organisation'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'
import type { DemoBatch } from './demo-batch'

export interface DemoModerating {
  repos: Repositories
  trx: Transaction
  batch: DemoBatch
  organisations: Organisation[]
  users: User[]
  /** The definition of the version moderated: last year's round. */
  definition: QuestionnaireDefinition
}

export interface SubmittedAssessment {
  organisationId: number
  slug: string
  assessmentId: number
  answers: Map<string, AnswerContent>
  openedAt: Date
}

const MINUTE = 60 * 1000

/**
 * Moderates as an assessor would: opened, every answered maturity question given a level, completed.
 * The demo assessors take councils turn and turn about; their levels come from a generator of their own.
 */
export function demoModerator(s: DemoModerating) {
  const assessors = DEMO_ASSESSORS.map(a => {
    const user = s.users.find(u => u.email === a.email && u.role === 'assessor')
    return { ...a, id: user?.id ?? null, organisationId: user?.organisationId ?? null }
  })
  const turns = demoAssessorTurns(s.organisations.map(o => o.slug))
  const moderationRandom = randomFrom(DEMO_MODERATION_SEED)
  return async ({ organisationId, slug, assessmentId, answers, openedAt }: SubmittedAssessment): Promise<void> => {
    const facts = LONDON_AUTHORITIES.find(a => a.slug === slug)
    const turn = turns.get(slug) ?? 0
    // Assessors never moderate their own organisation: the other one takes it.
    const assessor = [assessors[turn], assessors[(turn + 1) % assessors.length]].find(
      a => a && a.organisationId !== organisationId,
    )
    if (!facts || !assessor) return
    const by = assessor.id
    const moderations = demoModerations(s.definition, facts, answers, assessor.tendency, moderationRandom)
    const selfLevels = new Map([...answers].flatMap(([k, a]) => (a.level === null ? [] : [[k, a.level]])))
    const completedAt = new Date(openedAt.getTime() + (moderations.length + 5) * MINUTE)
    const stateEvent = (at: Date, action: string, from: string, to: string) =>
      s.batch.events.push({
        at,
        actorUserId: by,
        action,
        entityType: 'assessment',
        entityId: assessmentId,
        before: { state: from },
        after: { state: to },
      })
    stateEvent(openedAt, 'assessment.open_moderation', 'submitted', 'in_moderation')
    for (const [i, m] of moderations.entries()) {
      const at = new Date(openedAt.getTime() + (i + 1) * MINUTE)
      s.batch.moderationRows.push({ assessmentId, ...m, assessorId: by, revision: 1, at })
      s.batch.events.push({
        at,
        actorUserId: by,
        action: 'moderation.saved',
        entityType: 'assessment',
        entityId: assessmentId,
        before: { questionKey: m.questionKey, selfLevel: selfLevels.get(m.questionKey) ?? null },
        after: { questionKey: m.questionKey, level: m.level, rationale: m.rationale, revision: 1 },
      })
    }
    stateEvent(completedAt, 'assessment.complete', 'in_moderation', 'moderated')
    s.batch.comments.push({ assessmentId, comment: demoModerationComment(moderations, selfLevels) })
    await s.repos.assessments.setState(assessmentId, 'in_moderation', {}, s.trx)
    await s.repos.assessments.setState(assessmentId, 'moderated', {}, s.trx)
  }
}
