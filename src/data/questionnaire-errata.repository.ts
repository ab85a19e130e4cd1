import type { Knex } from 'knex'
import type { Erratum } from '../domain/questionnaire/errata'
import type { Db } from './db'

interface Row {
  questionnaire_key: string
  version: number
  question_key: string
  reason: string
  recorded_at: Date
}

const toErratum = (row: Row): Erratum => ({
  key: row.questionnaire_key,
  version: row.version,
  question: row.question_key,
  reason: row.reason,
  recordedAt: row.recorded_at,
})

/** Errata against published questionnaire versions: questions that are not comparable with their predecessor. */
export function questionnaireErrataRepository(knex: Knex) {
  const query = (db: Db) =>
    db('questionnaire_errata as e')
      .join('questionnaire_versions as v', 'v.id', 'e.questionnaire_version_id')
      .select<Row[]>('v.questionnaire_key', 'v.version', 'e.question_key', 'e.reason', 'e.recorded_at')
      .orderBy(['v.version', 'e.recorded_at', 'e.id'])

  return {
    /** Every erratum of every version of one questionnaire, oldest version first. */
    async forQuestionnaire(key: string, db: Db = knex): Promise<Erratum[]> {
      return (await query(db).where('v.questionnaire_key', key)).map(toErratum)
    },

    async forVersion(key: string, version: number, db: Db = knex): Promise<Erratum[]> {
      return (await query(db).where({ 'v.questionnaire_key': key, 'v.version': version })).map(toErratum)
    },

    /** Records one; false when that version already has an erratum on that question (nothing is changed). */
    async insert(
      versionId: number,
      erratum: { question: string; reason: string },
      recordedBy: number | null,
      db: Db = knex,
    ): Promise<boolean> {
      const rows = await db('questionnaire_errata')
        .insert({
          questionnaire_version_id: versionId,
          question_key: erratum.question,
          reason: erratum.reason,
          recorded_by: recordedBy,
        })
        .onConflict(['questionnaire_version_id', 'question_key'])
        .ignore()
        .returning<{ id: number }[]>('id')
      return rows.length > 0
    },
  }
}

export type QuestionnaireErrataRepository = ReturnType<typeof questionnaireErrataRepository>
