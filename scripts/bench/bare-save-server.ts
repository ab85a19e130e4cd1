/**
 * The saves' ceiling, run in its own process by the bench: bare Express and pg doing what the app's
 * warm autosave does at the database, and nothing else. It answers PUT /assessments/:id/answers/:key with
 * the app's own guarded statement (text and prepared name as the app sends them, see save-statement.ts),
 * on a pool the app's size, remembering each assessment's revision and round as the app remembers its
 * last write. No session, CSRF token, validation, logging or security headers: that is the app's share.
 */
import express from 'express'
import pg from 'pg'
import type { SaveStatement } from './save-statement'

export interface BareSaveConfig {
  port: number
  databaseUrl: string
  poolMax: number
  statement: SaveStatement
  roundId: number
}

interface Known {
  revision: number
  opensOn: string
  closesOn: string
  userId: number
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_BARE_SAVE ?? '') as BareSaveConfig
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolMax })
  const known = new Map<number, Known>()
  const read = async (assessmentId?: number) => {
    const { rows } = await pool.query<Known & { id: number }>(
      `select s.id, s.revision, r.opens_on::text as "opensOn", r.closes_on::text as "closesOn", u.id as "userId"
       from assessments s join rounds r on r.id = s.round_id join users u on u.organisation_id = s.organisation_id
       where s.round_id = $1 and ($2::int is null or s.id = $2) and u.role = 'respondent'`,
      [config.roundId, assessmentId ?? null],
    )
    for (const { id, ...row } of rows) known.set(id, row)
  }
  await read()
  const lastLevel = new Map<string, number>()
  const valuesOf = (id: number, assessment: Known, key: string, level: number, revision: number, at: Date) => {
    const content = { value: null, notApplicable: false, evidence: null }
    const before = { questionKey: key, level: lastLevel.get(`${id}:${key}`) ?? null, ...content, revision }
    const after = { questionKey: key, level, ...content, revision: revision + 1 }
    // In the order writeAnswerIfCurrent binds them (src/data/assessment.repository.ts).
    return [
      id,
      assessment.revision,
      assessment.opensOn,
      assessment.closesOn,
      key,
      level,
      null,
      false,
      null,
      revision + 1,
      at,
      assessment.userId,
      revision,
      at,
      assessment.userId,
      'answer.saved',
      'assessment',
      String(id),
      JSON.stringify(before),
      JSON.stringify(after),
    ]
  }
  // A statement that now takes other parameters would be measured failing: refuse to start instead.
  const parameters = Math.max(0, ...[...config.statement.text.matchAll(/\$(\d+)/g)].map(m => Number(m[1])))
  const probe = valuesOf(0, { revision: 0, opensOn: '', closesOn: '', userId: 0 }, '', 0, 0, new Date())
  if (parameters !== probe.length)
    throw new Error(`the save statement takes ${parameters} parameters, the bare handler binds ${probe.length}`)

  const app = express()
  app.put('/assessments/:id/answers/:key', express.json(), async (req, res) => {
    const id = Number(req.params.id)
    const key = req.params.key
    const { level, revision } = req.body as { level: number; revision: number }
    const assessment = known.get(id)
    if (!assessment) {
      res.sendStatus(404)
      return
    }
    const at = new Date()
    const values = valuesOf(id, assessment, key, level, revision, at)
    const { rows } = await pool.query<{ written: number }>({ ...config.statement, values })
    if (rows[0]?.written === 1) {
      lastLevel.set(`${id}:${key}`, level)
      res.json({ revision: revision + 1, savedAt: at.toISOString() })
      return
    }
    // As the app answers a conflict: where the answer is now, so the next save of it can go through.
    await read(id)
    const current = await pool.query<{ revision: number }>(
      'select revision from answers where assessment_id = $1 and question_key = $2',
      [id, key],
    )
    res.status(409).json({ current: { revision: current.rows[0]?.revision ?? 0 } })
  })
  app.listen(config.port, '127.0.0.1', () => process.stdout.write('listening\n'))
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
