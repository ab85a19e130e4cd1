import { Client } from 'pg'
import type { Acknowledged } from './savers'

interface AnswerRow {
  assessment_id: number
  question_key: string
  level: number | null
  revision: number
}
interface EventRow {
  entity_id: string
  action: string
  after: { questionKey?: string; level?: number; revision?: number } | null
}
interface AssessmentRow {
  id: number
  state: string
  data_version: string
}

export interface TrailSummary {
  answers: number
  answerEvents: number
  /** Everything wrong, one line each; empty when the database holds exactly what was acknowledged. */
  problems: string[]
}

const keyOf = (assessmentId: number | string, questionKey: string) => `${assessmentId}/${questionKey}`

/**
 * Reads the assessments straight from PostgreSQL and checks what one save writes (src/services/
 * assessment.service.ts): the answer row, an audit event in the same transaction, the state moving to
 * in_progress with its own event, and the trigger bumping data_version. So:
 *  - every acknowledged save is there: an audit event with its revision and level, and the answer at
 *    that revision or later;
 *  - nothing half-written: each answer at revision R has exactly the events for revisions 1..R, the last
 *    with the stored level, and no event names an answer that is not stored;
 *  - each assessment with answers is in_progress with one `assessment.started` event, and its
 *    data_version counts one write per revision.
 */
export async function checkTrail(
  databaseUrl: string,
  assessmentIds: number[],
  acknowledged: Acknowledged[],
): Promise<TrailSummary> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const answers = (
      await client.query<AnswerRow>(
        'select assessment_id, question_key, level, revision from answers where assessment_id = any($1)',
        [assessmentIds],
      )
    ).rows
    const events = (
      await client.query<EventRow>(
        `select entity_id, action, after from audit_events
          where entity_type = 'assessment' and entity_id = any($1) order by id`,
        [assessmentIds.map(String)],
      )
    ).rows
    const assessments = (
      await client.query<AssessmentRow>('select id, state, data_version from assessments where id = any($1)', [
        assessmentIds,
      ])
    ).rows

    const problems: string[] = []
    const stored = new Map(answers.map(a => [keyOf(a.assessment_id, a.question_key), a]))
    const answerEvents = events.filter(e => e.action === 'answer.saved' || e.action === 'answer.confirmed')
    const eventsByAnswer = new Map<string, EventRow[]>()
    for (const event of answerEvents) {
      const key = keyOf(event.entity_id, event.after?.questionKey ?? '?')
      eventsByAnswer.set(key, [...(eventsByAnswer.get(key) ?? []), event])
    }

    for (const ack of acknowledged) {
      const key = keyOf(ack.assessmentId, ack.key)
      const answer = stored.get(key)
      const event = eventsByAnswer.get(key)?.find(e => e.after?.revision === ack.revision)
      if (!answer || answer.revision < ack.revision) {
        problems.push(
          `${key}: revision ${ack.revision} was acknowledged but the answer is at ${answer?.revision ?? 'nothing'}`,
        )
      }
      if (event?.after?.level !== ack.level) {
        problems.push(
          `${key}: revision ${ack.revision} was acknowledged as level ${ack.level}; its audit event says ${event?.after?.level ?? 'nothing'}`,
        )
      }
    }

    for (const [key, answer] of stored) {
      const revisions = (eventsByAnswer.get(key) ?? []).map(e => e.after?.revision ?? 0).sort((a, b) => a - b)
      const expected = Array.from({ length: answer.revision }, (_, i) => i + 1)
      if (revisions.join() !== expected.join()) {
        problems.push(
          `${key}: answer at revision ${answer.revision} but audit events for revisions [${revisions.join()}]`,
        )
      }
      const last = eventsByAnswer.get(key)?.find(e => e.after?.revision === answer.revision)
      if (last?.after?.level !== answer.level) {
        problems.push(
          `${key}: answer holds level ${answer.level}, its last audit event ${last?.after?.level ?? 'nothing'}`,
        )
      }
    }
    for (const key of eventsByAnswer.keys()) {
      if (!stored.has(key)) problems.push(`${key}: audit events for an answer that is not stored`)
    }

    for (const assessment of assessments) {
      const mine = answers.filter(a => a.assessment_id === assessment.id)
      if (mine.length === 0) continue
      const started = events.filter(e => e.entity_id === String(assessment.id) && e.action === 'assessment.started')
      if (assessment.state !== 'in_progress' || started.length !== 1) {
        problems.push(`assessment ${assessment.id}: state ${assessment.state} with ${started.length} start events`)
      }
      const writes = mine.reduce((sum, a) => sum + a.revision, 0)
      if (Number(assessment.data_version) !== writes) {
        problems.push(`assessment ${assessment.id}: data_version ${assessment.data_version} after ${writes} writes`)
      }
    }
    return { answers: answers.length, answerEvents: answerEvents.length, problems }
  } finally {
    await client.end()
  }
}
