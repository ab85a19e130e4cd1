import { demoAccounts, type DemoAccount } from '../../../seeds/demo-accounts'
import { DEMO_SEED, demoAnswers, randomFrom } from '../../../seeds/demo-assessments'
import {
  DEMO_ASSESSORS,
  DEMO_MODERATION_SEED,
  demoAssessorTurns,
  demoModerationComment,
  demoModerations,
} from '../../../seeds/demo-moderations'
import type { AnswerContent } from '../../domain/assessment/answer'
import { addDays, londonDate } from '../../domain/assessment/round'
import type { Clock } from '../clock'
import { questionnaireSeeds } from '../../../seeds/questionnaires'
import { LONDON_AUTHORITIES, PIPELINE_CATEGORIES } from '../../../seeds/reference-data'
import { checkAuthorityFacts } from '../../domain/organisation'
import type { Repositories } from '../../data'
import { hashPassword } from '../account/passwords'
import { seedDemoPipeline } from './seed-demo-pipeline'
import type { QuestionnaireService } from '../admin/questionnaire.service'

export function seedService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  return {
    /** Reference facts every environment needs; safe to run at every start. */
    async seedReferenceData(): Promise<void> {
      const problems = checkAuthorityFacts(LONDON_AUTHORITIES)
      if (problems.length > 0) throw new Error(`Reference data is not valid:\n${problems.join('\n')}`)
      await repos.database.transaction(async trx => {
        await repos.organisations.upsertFacts(LONDON_AUTHORITIES, trx)
        await repos.pipeline.upsertCategories(PIPELINE_CATEGORIES, trx)
      })
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
     * A closed 2025 round (version 1) that every authority submitted and assessors moderated, and an open
     * 2026 round (version 2) part-way through, with Hackney and most others not yet started so a visitor
     * can start from 2025 (whose moderated levels then carry over).
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
        // One query per round for the assessments just made, rather than one per organisation.
        const assessmentOf = new Map(
          [
            ...(await repos.assessments.list({ roundId: lastYear }, trx)),
            ...(await repos.assessments.list({ roundId: thisYear }, trx)),
          ].map(a => [`${a.roundId}:${a.organisationId}`, a]),
        )
        const answerRows: Parameters<typeof repos.assessments.insertAnswers>[0] = []
        const moderationRows: Parameters<typeof repos.moderations.insertMany>[0] = []
        const events: Parameters<typeof repos.audit.recordMany>[0] = []

        const fill = async (
          roundId: number,
          version: 1 | 2,
          slug: string,
          share: number,
          at: Date,
          submit: boolean,
          drift: number,
        ): Promise<{ assessmentId: number; answers: Map<string, AnswerContent> } | undefined> => {
          const organisation = organisations.find(o => o.slug === slug)
          const facts = LONDON_AUTHORITIES.find(a => a.slug === slug)
          if (!organisation || !facts) return
          const assessment = assessmentOf.get(`${roundId}:${organisation.id}`)
          if (!assessment) return
          const by = respondentOf.get(organisation.id) ?? null
          const all = [...demoAnswers(definitions[version], facts, random, drift)]
          const given = all.slice(0, Math.ceil(all.length * share))
          for (const [questionKey, content] of given) {
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
          return { assessmentId: assessment.id, answers: new Map(given) }
        }

        // Moderated as an assessor would: opened, every answered maturity question given a level, completed.
        const assessors = DEMO_ASSESSORS.map(a => {
          const user = users.find(u => u.email === a.email && u.role === 'assessor')
          return { ...a, id: user?.id ?? null, organisationId: user?.organisationId ?? null }
        })
        const turns = demoAssessorTurns(organisations.map(o => o.slug))
        const moderationRandom = randomFrom(DEMO_MODERATION_SEED)
        const comments: { assessmentId: number; comment: string }[] = []
        const moderate = async (
          organisationId: number,
          slug: string,
          assessmentId: number,
          answers: Map<string, AnswerContent>,
          openedAt: Date,
        ) => {
          const facts = LONDON_AUTHORITIES.find(a => a.slug === slug)
          const turn = turns.get(slug) ?? 0
          // Assessors never moderate their own organisation: the other one takes it.
          const assessor = [assessors[turn], assessors[(turn + 1) % assessors.length]].find(
            a => a && a.organisationId !== organisationId,
          )
          if (!facts || !assessor) return
          const by = assessor.id
          const moderations = demoModerations(definitions[1], facts, answers, assessor.tendency, moderationRandom)
          const selfLevels = new Map([...answers].flatMap(([k, a]) => (a.level === null ? [] : [[k, a.level]])))
          const minute = 60 * 1000
          const completedAt = new Date(openedAt.getTime() + (moderations.length + 5) * minute)
          const stateEvent = (at: Date, action: string, from: string, to: string) =>
            events.push({
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
            const at = new Date(openedAt.getTime() + (i + 1) * minute)
            moderationRows.push({ assessmentId, ...m, assessorId: by, revision: 1, at })
            events.push({
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
          comments.push({ assessmentId, comment: demoModerationComment(moderations, selfLevels) })
          await repos.assessments.setState(assessmentId, 'in_moderation', {}, trx)
          await repos.assessments.setState(assessmentId, 'moderated', {}, trx)
        }

        for (const [i, o] of organisations.entries()) {
          const filled = await fill(lastYear, 1, o.slug, 1, new Date(now.getTime() - 340 * dayMs), true, 0)
          // Moderation through the days after submission, all before the round closed.
          const openedAt = new Date(now.getTime() - 339 * dayMs + i * 2 * 3600 * 1000)
          if (filled) await moderate(o.id, o.slug, filled.assessmentId, filled.answers, openedAt)
        }
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
        await repos.moderations.insertMany(moderationRows, trx)
        await repos.moderations.setModerationComments(comments, trx)
        await repos.audit.recordMany(events, trx)
      })
      return true
    },

    /** Synthetic plans and priorities for every authority, only into an empty pipeline. */
    seedDemoPipeline: (): Promise<boolean> => seedDemoPipeline(repos, questionnaires, clock),
  }
}

export type SeedService = ReturnType<typeof seedService>
