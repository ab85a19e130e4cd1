import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'

/** What the demo assessments write, gathered in memory and written in a few statements at the end. */
export interface DemoBatch {
  answerRows: Parameters<Repositories['assessments']['insertAnswers']>[0]
  moderationRows: Parameters<Repositories['moderations']['insertMany']>[0]
  events: Parameters<Repositories['audit']['recordMany']>[0]
  comments: { assessmentId: number; comment: string }[]
}

export const emptyDemoBatch = (): DemoBatch => ({ answerRows: [], moderationRows: [], events: [], comments: [] })

export async function writeDemoBatch(repos: Repositories, batch: DemoBatch, trx: Transaction): Promise<void> {
  await repos.assessments.insertAnswers(batch.answerRows, trx)
  await repos.moderations.insertMany(batch.moderationRows, trx)
  await repos.moderations.setModerationComments(batch.comments, trx)
  await repos.audit.recordMany(batch.events, trx)
}
