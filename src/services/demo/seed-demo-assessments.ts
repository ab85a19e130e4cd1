import { DEMO_SEED, randomFrom } from '../../../seeds/demo-assessments'
import { addDays, londonDate } from '../../domain/assessment/round'
import type { Organisation } from '../../domain/organisation'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { emptyDemoBatch, writeDemoBatch } from './demo-batch'
import { demoFiller } from './fill-demo-assessment'
import { demoModerator } from './moderate-demo-assessment'
import { seedDemoPilot } from './seed-demo-pilot'

const DAY_MS = 24 * 3600 * 1000

/** Last year's round, already closed, and this year's, open today, each with an assessment for everyone. */
async function createDemoRounds(
  repos: Repositories,
  trx: Transaction,
  versionIds: { v1: number; v2: number },
  now: Date,
  organisations: Organisation[],
) {
  const today = londonDate(now)
  const lastYear = await repos.rounds.create(
    {
      name: '2025 assessment',
      questionnaireVersionId: versionIds.v1,
      opensOn: addDays(today, -425),
      closesOn: addDays(today, -335),
      createdBy: null,
    },
    trx,
  )
  const thisYear = await repos.rounds.create(
    {
      name: '2026 assessment',
      questionnaireVersionId: versionIds.v2,
      opensOn: addDays(today, -30),
      closesOn: addDays(today, 60),
      createdBy: null,
    },
    trx,
  )
  await repos.rounds.close(lastYear, new Date(now.getTime() - 335 * DAY_MS), trx)
  const everyone = organisations.map(o => o.id)
  await repos.assessments.createForRound(lastYear, everyone, trx)
  await repos.assessments.createForRound(thisYear, everyone, trx)
  // One query per round for the assessments just made, rather than one per organisation.
  const assessmentOf = new Map(
    [
      ...(await repos.assessments.list({ roundId: lastYear }, trx)),
      ...(await repos.assessments.list({ roundId: thisYear }, trx)),
    ].map(a => [`${a.roundId}:${a.organisationId}`, a]),
  )
  return { lastYear, thisYear, assessmentOf }
}

/**
 * A closed 2025 round (version 1) that every authority submitted and assessors moderated, and an open
 * 2026 round (version 2) part-way through, with Hackney and most others not yet started so a visitor
 * can start from 2025 (whose moderated levels then carry over); beside it, where version 3 is published,
 * an open pilot of version 3 that most of its sixteen authorities have submitted. All synthetic.
 * Only into a database with no rounds yet; dates follow today so the 2026 round is always open.
 * The data comes from fixed seeds, so the order in which answers are drawn must not change.
 */
export async function seedDemoAssessments(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  clock: Clock,
): Promise<boolean> {
  if ((await repos.rounds.list()).length > 0) return false
  const [v1, v2, v3] = await Promise.all([
    repos.questionnaires.find('london-digital-maturity', 1),
    repos.questionnaires.find('london-digital-maturity', 2),
    repos.questionnaires.find('london-digital-maturity', 3),
  ])
  if (v1?.status !== 'published' || v2?.status !== 'published') return false
  const definitions = {
    1: (await questionnaires.get('london-digital-maturity', 1)).definition,
    2: (await questionnaires.get('london-digital-maturity', 2)).definition,
  }
  const pilotVersion =
    v3?.status === 'published'
      ? { id: v3.id, definition: (await questionnaires.get('london-digital-maturity', 3)).definition }
      : undefined
  const now = clock()
  const organisations = await repos.organisations.list()
  const users = await repos.users.list()
  const respondentOf = new Map(users.filter(u => u.role === 'respondent').map(u => [u.organisationId, u.id]))
  const random = randomFrom(DEMO_SEED)

  await repos.database.transaction(async trx => {
    const rounds = await createDemoRounds(repos, trx, { v1: v1.id, v2: v2.id }, now, organisations)
    const { lastYear, thisYear, assessmentOf } = rounds
    const batch = emptyDemoBatch()
    const fill = demoFiller({ repos, trx, batch, organisations, definitions, respondentOf, assessmentOf, random })
    const moderate = demoModerator({ repos, trx, batch, organisations, users, definition: definitions[1] })

    for (const [i, o] of organisations.entries()) {
      const at = new Date(now.getTime() - 340 * DAY_MS)
      const filled = await fill({ roundId: lastYear, version: 1, slug: o.slug, share: 1, at, submit: true, drift: 0 })
      // Moderation through the days after submission, all before the round closed.
      const openedAt = new Date(now.getTime() - 339 * DAY_MS + i * 2 * 3600 * 1000)
      if (filled) await moderate({ organisationId: o.id, slug: o.slug, ...filled, openedAt })
    }
    // This year: a few done, a dozen part-way, the rest (Hackney among them) still to start.
    const started = organisations.map(o => o.slug).filter(slug => !['hackney', 'camden', 'islington'].includes(slug))
    for (const [i, slug] of started.entries()) {
      const order = { roundId: thisYear, version: 2 as const, slug, drift: 0.3 }
      if (i % 9 === 0) await fill({ ...order, share: 1, at: new Date(now.getTime() - 3 * DAY_MS), submit: true })
      else if (i % 2 === 0) {
        // The share is drawn before the answers, as it always has been: the draws' order is the data.
        const share = 0.2 + random() * 0.6
        await fill({ ...order, share, at: new Date(now.getTime() - 5 * DAY_MS), submit: false })
      }
    }
    // Last, from its own generator: the rounds above are drawn exactly as they were before it.
    if (pilotVersion)
      await seedDemoPilot({ repos, trx, batch, organisations, respondentOf, version: pilotVersion, now })
    await writeDemoBatch(repos, batch, trx)
  })
  return true
}
