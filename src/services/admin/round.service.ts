import {
  checkRoundInput,
  londonDate,
  roundStatus,
  parseDate,
  type Round,
  type RoundStatus,
} from '../../domain/assessment/round'
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../domain/errors'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'

export interface RoundForm {
  name?: unknown
  questionnaire?: { key?: unknown; version?: unknown }
  opensOn?: unknown
  closesOn?: unknown
  /** Slugs of the organisations taking part; absent means all of them. */
  organisations?: unknown
}

/** '2027-01-31' as '31 January 2027'. */
const longDate = (date: string): string =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })

export interface RoundSummary extends Round {
  status: RoundStatus
}

export function roundService(repos: Repositories, clock: Clock) {
  const withStatus = (round: Round): RoundSummary => ({ ...round, status: roundStatus(round, clock()) })

  async function get(id: number): Promise<RoundSummary> {
    const round = Number.isSafeInteger(id) ? await repos.rounds.findById(id) : undefined
    if (!round) throw new NotFoundError('There is no such round')
    return withStatus(round)
  }

  return {
    async list(): Promise<RoundSummary[]> {
      return (await repos.rounds.list()).map(withStatus)
    },

    get,

    /** Creates a round on a published questionnaire and gives every organisation taking part one assessment. */
    async create(form: RoundForm, actorUserId: number | null): Promise<number> {
      const checked = checkRoundInput(form)
      const errors: FieldError[] = [...checked.errors]
      const key = typeof form.questionnaire?.key === 'string' ? form.questionnaire.key : ''
      const version = Number(form.questionnaire?.version)
      const stored = key && Number.isSafeInteger(version) ? await repos.questionnaires.find(key, version) : undefined
      if (!stored) errors.push({ field: 'questionnaire', message: 'Select a published questionnaire version' })
      else if (stored.status !== 'published') {
        errors.push({
          field: 'questionnaire',
          message: `Version ${version} of ${key} is ${stored.status}: a round needs a published version`,
        })
      }
      const all = await repos.organisations.list()
      const wanted =
        form.organisations === undefined ? all.map(o => o.slug) : ([] as unknown[]).concat(form.organisations)
      const taking = all.filter(o => wanted.includes(o.slug))
      if (taking.length === 0 || taking.length !== wanted.length) {
        errors.push({ field: 'organisations', message: 'Select the organisations taking part from the list' })
      }
      if (checked.value && (await repos.rounds.findByName(checked.value.name))) {
        errors.push({ field: 'name', message: 'A round with this name already exists' })
      }
      if (errors.length > 0 || !checked.value || !stored) throw new ValidationError(errors)
      const input = checked.value
      return repos.database.transaction(async trx => {
        if (await repos.rounds.findByName(input.name, trx)) {
          throw new ValidationError([{ field: 'name', message: 'A round with this name already exists' }])
        }
        const id = await repos.rounds.create(
          { ...input, questionnaireVersionId: stored.id, createdBy: actorUserId },
          trx,
        )
        await repos.assessments.createForRound(
          id,
          taking.map(o => o.id),
          trx,
        )
        await repos.audit.record(
          {
            actorUserId,
            action: 'round.created',
            entityType: 'round',
            entityId: id,
            after: { ...input, questionnaire: { key, version }, organisations: taking.length },
          },
          trx,
        )
        return id
      })
    },

    async extend(id: number, rawClosesOn: unknown, actorUserId: number): Promise<void> {
      const round = await get(id)
      const closesOn = parseDate(rawClosesOn)
      if (round.closedAt) throw new ConflictError('This round has been closed: its closing date can no longer change')
      if (!closesOn)
        throw new ValidationError([{ field: 'closesOn', message: 'Enter a real closing date, like 30 6 2026' }])
      if (closesOn <= round.closesOn) {
        throw new ValidationError([
          {
            field: 'closesOn',
            message: `The new closing date must be after the current one, ${longDate(round.closesOn)}`,
          },
        ])
      }
      if (closesOn < londonDate(clock())) {
        throw new ValidationError([{ field: 'closesOn', message: 'The new closing date must be today or later' }])
      }
      await repos.database.transaction(async trx => {
        await repos.rounds.setClosesOn(id, closesOn, trx)
        await repos.audit.record(
          {
            actorUserId,
            action: 'round.extended',
            entityType: 'round',
            entityId: id,
            before: { closesOn: round.closesOn },
            after: { closesOn },
          },
          trx,
        )
      })
    },

    async close(id: number, actorUserId: number): Promise<void> {
      const round = await get(id)
      if (round.closedAt) throw new ConflictError('This round is already closed')
      await repos.database.transaction(async trx => {
        await repos.rounds.close(id, clock(), trx)
        await repos.audit.record({ actorUserId, action: 'round.closed', entityType: 'round', entityId: id }, trx)
      })
    },
  }
}

export type RoundService = ReturnType<typeof roundService>
