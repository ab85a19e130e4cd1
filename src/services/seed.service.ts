import { demoAccounts, type DemoAccount } from '../../seeds/demo-accounts'
import { DEMO_SEED, demoAnswers, randomFrom } from '../../seeds/demo-assessments'
import { addDays, londonDate } from '../domain/assessment/round'
import type { Clock } from './clock'
import { questionnaireSeeds } from '../../seeds/questionnaires'
import { LONDON_AUTHORITIES } from '../../seeds/reference-data'
import { checkAuthorityFacts } from '../domain/organisation'
import type { Repositories } from '../data'
import { hashPassword } from './passwords'
import type { QuestionnaireService } from './questionnaire.service'

export function seedService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  return {
    /** Reference facts every environment needs; safe to run at every start. */
    async seedReferenceData(): Promise<void> {
      const problems = checkAuthorityFacts(LONDON_AUTHORITIES)
      if (problems.length > 0) throw new Error(`Reference data is not valid:\n${problems.join('\n')}`)
      await repos.database.transaction(trx => repos.organisations.upsertFacts(LONDON_AUTHORITIES, trx))
    },

    /**
     * Publishes the questionnaires in seeds/data that the database does not have yet. A version already
     * there is left alone: once published it can never change, and the seed file must not pretend otherwise.
     */
    async seedQuestionnaires(): Promise<string[]> {
      const published: string[] = []
      for (const seed of questionnaireSeeds()) {
        const document = questionnaires.parse(seed.text) as { key: string; version: number }
        if (await repos.questionnaires.find(document.key, document.version)) continue
        await questionnaires.upload(document, null)
        await questionnaires.publish(document.key, document.version, null)
        published.push(`${document.key} v${document.version}`)
      }
      return published
    },

    /** Demo sign-ins, only into a database that has no users yet. Returns the accounts made. */
    async seedDemoAccounts(password: string): Promise<DemoAccount[]> {
      if ((await repos.users.count()) > 0) return []
      const accounts = demoAccounts(LONDON_AUTHORITIES)
      const organisations = new Map((await repos.organisations.list()).map(o => [o.slug, o.id]))
      const users = await Promise.all(
        accounts.map(async a => ({
          email: a.email,
          name: a.name,
          role: a.role,
          organisationId: a.organisationSlug === null ? null : (organisations.get(a.organisationSlug) ?? null),
          passwordHash: await hashPassword(password),
        })),
      )
      await repos.database.transaction(trx => repos.users.createMissing(users, trx))
      return accounts
    },

    /**
     * A closed 2025 round (version 1) that every authority submitted, and an open 2026 round (version 2)
     * part-way through, with Hackney and most others not yet started so a visitor can start from 2025.
     * Only into a database with no rounds yet; dates follow today so the 2026 round is always open.
     */
    async seedDemoAssessments(): Promise<boolean> {
      if ((await repos.rounds.list()).length > 0) return false
      const [v1, v2] = await Promise.all([
        repos.questionnaires.find('london-digital-maturity', 1),
        repos.questionnaires.find('london-digital-maturity', 2),
      ])
      if (v1?.status !== 'published' || v2?.status !== 'published') return false
      const definitions = {
        1: (await questionnaires.get('london-digital-maturity', 1)).definition,
        2: (await questionnaires.get('london-digital-maturity', 2)).definition,
      }
      const now = clock()
      const today = londonDate(now)
      const organisations = await repos.organisations.list()
      const users = await repos.users.list()
      const respondentOf = new Map(users.filter(u => u.role === 'respondent').map(u => [u.organisationId, u.id]))
      const random = randomFrom(DEMO_SEED)
      const dayMs = 24 * 3600 * 1000

      await repos.database.transaction(async trx => {
        const lastYear = await repos.rounds.create(
          {
            name: '2025 assessment',
            questionnaireVersionId: v1.id,
            opensOn: addDays(today, -425),
            closesOn: addDays(today, -335),
            createdBy: null,
          },
          trx,
        )
        const thisYear = await repos.rounds.create(
          {
            name: '2026 assessment',
            questionnaireVersionId: v2.id,
            opensOn: addDays(today, -30),
            closesOn: addDays(today, 60),
            createdBy: null,
          },
          trx,
        )
        await repos.rounds.close(lastYear, new Date(now.getTime() - 335 * dayMs), trx)
        await repos.assessments.createForRound(
          lastYear,
          organisations.map(o => o.id),
          trx,
        )
        await repos.assessments.createForRound(
          thisYear,
          organisations.map(o => o.id),
          trx,
        )
        const answerRows: Parameters<typeof repos.assessments.insertAnswers>[0] = []
        const events: Parameters<typeof repos.audit.recordMany>[0] = []

        const fill = async (
          roundId: number,
          version: 1 | 2,
          slug: string,
          share: number,
          at: Date,
          submit: boolean,
          drift: number,
        ) => {
          const organisation = organisations.find(o => o.slug === slug)
          const facts = LONDON_AUTHORITIES.find(a => a.slug === slug)
          if (!organisation || !facts) return
          const [assessment] = await repos.assessments.list({ roundId, organisationId: organisation.id }, trx)
          if (!assessment) return
          const by = respondentOf.get(organisation.id) ?? null
          const all = [...demoAnswers(definitions[version], facts, random, drift)]
          for (const [questionKey, content] of all.slice(0, Math.ceil(all.length * share))) {
            answerRows.push({ assessmentId: assessment.id, questionKey, content, revision: 1, at, by })
            events.push({
              at,
              actorUserId: by,
              action: 'answer.saved',
              entityType: 'assessment',
              entityId: assessment.id,
              before: { questionKey },
              after: { questionKey, ...content, revision: 1 },
            })
          }
          await repos.assessments.setState(assessment.id, 'in_progress', {}, trx)
          if (submit) {
            await repos.assessments.setState(
              assessment.id,
              'submitted',
              { submittedAt: at, ...(by ? { submittedBy: by } : {}) },
              trx,
            )
            events.push({
              at,
              actorUserId: by,
              action: 'assessment.submitted',
              entityType: 'assessment',
              entityId: assessment.id,
              before: { state: 'in_progress' },
              after: { state: 'submitted' },
            })
          }
        }

        for (const o of organisations)
          await fill(lastYear, 1, o.slug, 1, new Date(now.getTime() - 340 * dayMs), true, 0)
        // This year: a few done, a dozen part-way, the rest (Hackney among them) still to start.
        const started = organisations
          .map(o => o.slug)
          .filter(slug => !['hackney', 'camden', 'islington'].includes(slug))
        for (const [i, slug] of started.entries()) {
          if (i % 9 === 0) await fill(thisYear, 2, slug, 1, new Date(now.getTime() - 3 * dayMs), true, 0.3)
          else if (i % 2 === 0)
            await fill(thisYear, 2, slug, 0.2 + random() * 0.6, new Date(now.getTime() - 5 * dayMs), false, 0.3)
        }
        await repos.assessments.insertAnswers(answerRows, trx)
        await repos.audit.recordMany(events, trx)
      })
      return true
    },
  }
}

export type SeedService = ReturnType<typeof seedService>
