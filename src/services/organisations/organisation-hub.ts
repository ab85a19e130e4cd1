import type { Round } from '../../domain/assessment/round'
import type { AssessmentState } from '../../domain/assessment/workflow'
import { OPEN_STATUSES, type Status } from '../../domain/pipeline/entry'
import type { Organisation } from '../../domain/organisation'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults } from '../insights/round-results'
import { finalScores } from '../reports/change-since-previous.service'

/** One of the organisation's assessments, with its final scores once it has been handed in. */
export interface HubAssessment {
  id: number
  round: Round
  state: AssessmentState
  /** Null until the assessment is submitted: drafts are never scored. */
  scores: { overall: number | null; dimensions: { key: string; title: string; score: number | null }[] } | null
}

export interface HubPipelineEntry {
  id: number
  categoryName: string
  status: Status
  /** The earlier of its planned start and contract end still to come: when something must happen next. */
  due: string
}

export interface HubPipeline {
  total: number
  /** Entries still to be bought (idea, planned, in procurement). */
  open: number
  /** The next few open entries with a date, soonest first. */
  next: HubPipelineEntry[]
  priorities: number
}

/** How many upcoming pipeline entries the page lists before linking to the rest. */
export const NEXT_DUE_SHOWN = 3

/** Every assessment the organisation has had, newest round first, scored where it has been handed in. */
export async function hubAssessments(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  organisation: Organisation,
): Promise<HubAssessment[]> {
  const [rounds, records] = await Promise.all([
    repos.rounds.list(),
    repos.assessments.list({ organisationId: organisation.id }),
  ])
  const byRound = new Map(records.map(r => [r.roundId, r]))
  const taken = rounds.flatMap(round => {
    const record = byRound.get(round.id)
    return record ? [{ round, record }] : []
  })
  return Promise.all(
    taken.map(async ({ round, record }): Promise<HubAssessment> => {
      const { definition, results } = await loadRoundResults(repos, questionnaires, round.id)
      const own = results.find(r => r.assessment.id === record.id)
      if (!own?.scored) return { id: record.id, round, state: own?.assessment.state ?? record.state, scores: null }
      const final = finalScores({ definition, answers: own.answers, moderations: own.moderations })
      return {
        id: record.id,
        round,
        state: own.assessment.state,
        scores: {
          overall: final.overall,
          dimensions: definition.dimensions.map((d, i) => ({
            key: d.key,
            title: d.title,
            score: final.dimensions[i]?.score ?? null,
          })),
        },
      }
    }),
  )
}

/** A summary of the organisation's pipeline: counts, and the next few open entries due, from `today`. */
export async function hubPipeline(
  repos: Repositories,
  organisation: Organisation,
  today: string,
): Promise<HubPipeline> {
  const [entries, categories, priorities] = await Promise.all([
    repos.pipeline.list({ organisationId: organisation.id }),
    repos.pipeline.categories(),
    repos.pipeline.priorities(organisation.id),
  ])
  const names = new Map(categories.map(c => [c.key, c.name]))
  const open = entries.filter(e => OPEN_STATUSES.includes(e.status))
  const next = open
    .map(e => ({
      entry: e,
      due: [e.plannedStart, e.contractEnd].filter((d): d is string => d !== null && d >= today).sort()[0],
    }))
    .filter((e): e is { entry: (typeof open)[number]; due: string } => e.due !== undefined)
    .sort((a, b) => a.due.localeCompare(b.due) || a.entry.id - b.entry.id)
    .slice(0, NEXT_DUE_SHOWN)
    .map(({ entry, due }) => ({
      id: entry.id,
      categoryName: names.get(entry.categoryKey) ?? entry.categoryKey,
      status: entry.status,
      due,
    }))
  return { total: entries.length, open: open.length, next, priorities: priorities.length }
}

/** The organisation's people, for administrators: everyone whose account belongs to it. */
export async function hubPeople(repos: Repositories, organisation: Organisation): Promise<User[]> {
  return (await repos.users.list()).filter(u => u.organisationId === organisation.id)
}
