import type { Knex } from 'knex'
import type { Repositories } from '../../src/data'

/** The autosave's one statement exactly as the app sends it to PostgreSQL: its text and prepared name. */
export interface SaveStatement {
  name: string
  text: string
}

/**
 * Runs the app's guarded answer write once, for an assessment that does not exist (so nothing is
 * written), and keeps the statement knex hands to pg. The bare save handler then runs this very text
 * under this very name: a ceiling with a copy of the SQL would drift from the app's the day it changed.
 */
export async function captureSaveStatement(knex: Knex, repos: Repositories): Promise<SaveStatement> {
  let captured: SaveStatement | undefined
  const listener = (query: { sql?: string; options?: { name?: string } }) => {
    if (query.options?.name && query.sql) captured = { name: query.options.name, text: query.sql }
  }
  knex.on('query', listener)
  try {
    const at = new Date()
    const written = await repos.assessments.writeAnswerIfCurrent(
      {
        assessmentId: 0,
        assessmentRevision: 0,
        round: { opensOn: '2026-01-01', closesOn: '2026-12-31' },
        questionKey: 'none',
        answerRevision: 0,
      },
      { level: 1, value: null, notApplicable: false, evidence: null },
      { at, by: 0 },
      { at, actorUserId: 0, action: 'answer.saved', entityType: 'assessment', entityId: 0 },
    )
    if (written) throw new Error('the save statement wrote to an assessment that does not exist')
  } finally {
    knex.removeListener('query', listener)
  }
  if (!captured) throw new Error('the answer save no longer runs a named prepared statement: update the bench')
  return captured
}
