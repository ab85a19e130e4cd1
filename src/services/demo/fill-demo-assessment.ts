import { demoAnswers } from '../../../seeds/demo-assessments'
import type { DemoServiceAreas } from '../../../seeds/demo-service-areas'
import { LONDON_AUTHORITIES } from '../../../seeds/reference-data'
import type { AnswerContent } from '../../domain/assessment/answer'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { Organisation } from '../../domain/organisation'
import type { Repositories } from '../../data'
import type { AssessmentRecord } from '../../data/assessment.repository'
import type { Transaction } from '../../data/db'
import type { DemoBatch } from './demo-batch'

export interface DemoFilling {
  repos: Repositories
  trx: Transaction
  batch: DemoBatch
  organisations: Organisation[]
  definitions: Partial<Record<DemoVersion, QuestionnaireDefinition>>
  /** Each organisation's demo respondent, who gives its answers. */
  respondentOf: Map<number | null, number>
  /** Keyed `${roundId}:${organisationId}`. */
  assessmentOf: Map<string, AssessmentRecord>
  /** The one generator every answer is drawn from, in turn: the order of calls is the data. */
  random: () => number
  /** Each authority's systems and partnerships, which version 3's service areas ask about. */
  serviceAreas?: (slug: string) => DemoServiceAreas
}

/** The versions of london-digital-maturity the demo answers. */
export type DemoVersion = 1 | 2 | 3

export interface FillOrder {
  roundId: number
  version: DemoVersion
  slug: string
  /** The share of the questions answered, in order from the first. */
  share: number
  at: Date
  submit: boolean
  drift: number
}

/** Answers one authority's assessment as its respondent would, and submits it if asked. */
export function demoFiller(s: DemoFilling) {
  return async (
    order: FillOrder,
  ): Promise<{ assessmentId: number; answers: Map<string, AnswerContent> } | undefined> => {
    const { roundId, version, slug, share, at, submit, drift } = order
    const organisation = s.organisations.find(o => o.slug === slug)
    const facts = LONDON_AUTHORITIES.find(a => a.slug === slug)
    const definition = s.definitions[version]
    if (!organisation || !facts || !definition) return
    const assessment = s.assessmentOf.get(`${roundId}:${organisation.id}`)
    if (!assessment) return
    const by = s.respondentOf.get(organisation.id) ?? null
    const all = [...demoAnswers(definition, facts, s.random, drift, s.serviceAreas?.(slug))]
    const given = all.slice(0, Math.ceil(all.length * share))
    for (const [questionKey, content] of given) {
      s.batch.answerRows.push({ assessmentId: assessment.id, questionKey, content, revision: 1, at, by })
      s.batch.events.push({
        at,
        actorUserId: by,
        action: 'answer.saved',
        entityType: 'assessment',
        entityId: assessment.id,
        before: { questionKey },
        after: { questionKey, ...content, revision: 1 },
      })
    }
    await s.repos.assessments.setState(assessment.id, 'in_progress', {}, s.trx)
    if (submit) {
      await s.repos.assessments.setState(
        assessment.id,
        'submitted',
        { submittedAt: at, ...(by ? { submittedBy: by } : {}) },
        s.trx,
      )
      s.batch.events.push({
        at,
        actorUserId: by,
        action: 'assessment.submitted',
        entityType: 'assessment',
        entityId: assessment.id,
        before: { state: 'in_progress' },
        after: { state: 'submitted' },
      })
    }
    return { assessmentId: assessment.id, answers: new Map(given) }
  }
}
