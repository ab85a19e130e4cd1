import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Client } from 'pg'
import { createRepositories } from '../../src/data'
import { migrateToLatest, openDatabase } from '../../src/db/database'
import { allQuestions } from '../../src/domain/questionnaire/definition'
import { createServices } from '../../src/services'
import { hashPassword } from '../../src/services/account/passwords'
import { captureSaveStatement, type SaveStatement } from './save-statement'

export const PASSWORD = 'bench-password-1'
export const SAVERS = 20

export interface Dataset {
  organisations: number
  /** How the app reaches it: a PostgreSQL URL or a PGlite directory. */
  env: { DATABASE_URL?: string; PGLITE_DIR?: string }
  roundId: number
  /** An open round of London's organisations: the savers' 20 drafts and the rest submitted. */
  savesRoundId: number
  analyst: string
  respondents: string[]
  /**
   * Beyond London's 33, a respondent whose assessment in the main round is still a draft: a save of it
   * makes the round's kept results stale, as a borough saving during a round does.
   */
  draftRespondent?: string
  /**
   * Beyond London's 33, an assessment in the main round that is handed in and being moderated, and an
   * assessor's token: a moderated level changes what every insight view shows, so they are worked out again.
   */
  moderation?: { assessmentId: number; token: string }
  token: string
  /** Maturity questions the savers cycle through. */
  saveKeys: string[]
  /** The autosave's statement as the app sends it, for the bare save handler. */
  saveStatement?: SaveStatement
  drop(): Promise<void>
}

/** A deterministic pseudo-random source, so every run measures the same data. */
function mulberry32(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A throwaway database holding `size` organisations (London's 33 and synthetic ones beyond), each with a
 * full submitted questionnaire (but one draft beyond London's 33), plus an open round of London's
 * organisations where 20 respondents save answers and the other 13 have submitted theirs.
 */
export async function buildDataset(size: number, adminUrl: string | undefined): Promise<Dataset> {
  const name = `bench_${size}_${process.pid}`
  let env: Dataset['env']
  let drop: () => Promise<void>
  if (adminUrl) {
    const admin = new Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${name}`)
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    env = { DATABASE_URL: url.toString() }
    drop = async () => {
      const c = new Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), `${name}-`))
    env = { PGLITE_DIR: path.join(dir, 'pglite') }
    drop = () => Promise.resolve()
  }

  const database = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR ?? '' },
  )
  try {
    const knex = database.knex
    await migrateToLatest(knex)
    const repos = createRepositories(knex)
    const services = createServices(repos)
    await services.seed.seedReferenceData()
    await services.seed.seedQuestionnaires()

    const extra = Math.max(0, size - 33)
    for (let i = 0; i < extra; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, extra - i) }, (_, j) => {
        const n = i + j + 1
        return {
          gss: `E9${String(n).padStart(7, '0')}`,
          name: `Synthetic organisation ${String(n).padStart(5, '0')}`,
          official_name: `Synthetic organisation ${n}`,
          slug: `synthetic-${n}`,
          inner_london: false,
        }
      })
      await knex('organisations').insert(batch)
    }
    // Synthetic organisations border the next one along, so geographic clusters have a graph to walk.
    const synthetic = await knex('organisations')
      .where('slug', 'like', 'synthetic-%')
      .orderBy('id')
      .pluck<number[]>('id')
    for (let i = 0; i + 1 < synthetic.length; i += 2000) {
      const pairs = synthetic.slice(i, i + 2001).flatMap((id, k, all) =>
        k + 1 < all.length
          ? [
              { organisation_id: id, neighbour_id: all[k + 1] },
              { organisation_id: all[k + 1], neighbour_id: id },
            ]
          : [],
      )
      await knex('organisation_neighbours').insert(pairs).onConflict().ignore()
    }

    // Open whenever the bench runs, so the draft in it can still be saved.
    const roundId = await services.rounds.create(
      {
        name: 'Bench round',
        questionnaire: { key: 'london-digital-maturity', version: 2 },
        opensOn: '2026-01-01',
        closesOn: '2099-12-31',
      },
      null,
    )
    const definition = (await services.questionnaires.get('london-digital-maturity', 2)).definition
    const questions = allQuestions(definition).map(l => l.question)
    const random = mulberry32(20261127)
    /** Every question answered, as a borough hands in; submitted unless said. */
    const fill = async (assessments: { id: number; organisationId: number }[]) => {
      const at = new Date()
      let rows: Parameters<typeof repos.assessments.insertAnswers>[0] = []
      for (const assessment of assessments) {
        // A third of organisations weak on one dimension each, so clusters have something to find.
        const weakDimension = assessment.organisationId % 3 === 0 ? assessment.organisationId % 5 : -1
        for (const question of questions) {
          const dimension = definition.dimensions.findIndex(d => d.themes.some(t => t.questions.includes(question)))
          const base = dimension === weakDimension ? 1 : 2
          const content =
            question.type === 'maturity'
              ? {
                  level: Math.min(5, base + Math.floor(random() * 3)),
                  value: null,
                  notApplicable: false,
                  evidence: null,
                }
              : {
                  level: null,
                  value:
                    question.type === 'choice'
                      ? (question.options[0]?.value ?? null)
                      : question.type === 'multi'
                        ? [question.options[0]?.value ?? '']
                        : question.type === 'number'
                          ? (question.min ?? 5)
                          : 'Synthetic answer',
                  notApplicable: false,
                  evidence: null,
                }
          if (question.showIf) continue
          rows.push({ assessmentId: assessment.id, questionKey: question.key, content, revision: 1, at, by: null })
        }
        if (rows.length >= 20_000) {
          await repos.assessments.insertAnswers(rows)
          rows = []
        }
      }
      await repos.assessments.insertAnswers(rows)
      await knex('assessments')
        .whereIn(
          'id',
          assessments.map(a => a.id),
        )
        .update({ state: 'submitted', submitted_at: at, revision: 2 })
    }
    await fill(await repos.assessments.list({ roundId }))

    const hash = await hashPassword(PASSWORD)
    const analyst = 'analyst@bench.local'
    await repos.users.create({ email: analyst, name: 'Bench analyst', role: 'analyst', organisationId: null }, hash)
    const analystUser = await repos.users.findByEmail(analyst)
    if (!analystUser) throw new Error('bench analyst was not created')
    const { secret } = await services.tokens.create(analystUser, { name: 'bench', expiresInDays: 30 })

    const london = (await repos.organisations.list()).filter(o => !o.slug.startsWith('synthetic-'))
    const savers = london.slice(0, SAVERS)
    const savesRoundId = await services.rounds.create(
      {
        name: 'Saves round',
        questionnaire: { key: 'london-digital-maturity', version: 2 },
        opensOn: '2026-01-01',
        closesOn: '2099-12-31',
        organisations: london.map(o => o.slug),
      },
      null,
    )
    // The rest have handed theirs in, so the round's heatmap has something to show while the savers save.
    const saverIds = new Set(savers.map(o => o.id))
    await fill((await repos.assessments.list({ roundId: savesRoundId })).filter(a => !saverIds.has(a.organisationId)))
    const respondents: string[] = []
    for (const organisation of savers) {
      const email = `${organisation.slug}@bench.local`
      await repos.users.create(
        { email, name: `Bench ${organisation.name}`, role: 'respondent', organisationId: organisation.id },
        hash,
      )
      respondents.push(email)
    }
    let draftRespondent: string | undefined
    const [firstSynthetic] = synthetic
    if (firstSynthetic !== undefined) {
      await knex('assessments')
        .where({ round_id: roundId, organisation_id: firstSynthetic })
        .update({ state: 'in_progress', submitted_at: null })
      draftRespondent = 'draft@bench.local'
      await repos.users.create(
        { email: draftRespondent, name: 'Bench draft', role: 'respondent', organisationId: firstSynthetic },
        hash,
      )
    }
    let moderation: Dataset['moderation']
    const secondSynthetic = synthetic[1]
    if (secondSynthetic !== undefined) {
      const [assessment] = await repos.assessments.list({ roundId, organisationId: secondSynthetic })
      if (!assessment) throw new Error('bench: no assessment to moderate')
      await knex('assessments').where({ id: assessment.id }).update({ state: 'in_moderation' })
      const assessorId = await repos.users.create(
        { email: 'assessor@bench.local', name: 'Bench assessor', role: 'assessor', organisationId: null },
        hash,
      )
      const assessor = await repos.users.findById(assessorId)
      if (!assessor) throw new Error('bench assessor was not created')
      const made = await services.tokens.create(assessor, { name: 'bench', expiresInDays: 30 })
      moderation = { assessmentId: assessment.id, token: made.secret }
    }
    const saveKeys = questions
      .filter(q => q.type === 'maturity')
      .slice(0, 8)
      .map(q => q.key)
    const saveStatement = env.DATABASE_URL ? await captureSaveStatement(knex, repos) : undefined
    return {
      organisations: size,
      env,
      roundId,
      savesRoundId,
      analyst,
      respondents,
      draftRespondent,
      moderation,
      token: secret,
      saveKeys,
      saveStatement,
      drop,
    }
  } finally {
    await database.close()
  }
}
