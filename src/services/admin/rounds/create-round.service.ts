import { checkRoundInput } from '../../../domain/assessment/round'
import { ValidationError, type FieldError } from '../../../domain/errors'
import type { Repositories } from '../../../data'

export interface RoundForm {
  name?: unknown
  questionnaire?: { key?: unknown; version?: unknown }
  opensOn?: unknown
  closesOn?: unknown
  /** Slugs of the organisations taking part; absent means all of them. */
  organisations?: unknown
}

const NAME_TAKEN = 'A round with this name already exists'

/** The form checked in full, every problem at once: the round, its questionnaire version and who takes part. */
async function checkRoundForm(repos: Repositories, form: RoundForm) {
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
  const wanted = form.organisations === undefined ? all.map(o => o.slug) : ([] as unknown[]).concat(form.organisations)
  const taking = all.filter(o => wanted.includes(o.slug))
  if (taking.length === 0 || taking.length !== wanted.length) {
    errors.push({ field: 'organisations', message: 'Select the organisations taking part from the list' })
  }
  if (checked.value && (await repos.rounds.findByName(checked.value.name))) {
    errors.push({ field: 'name', message: NAME_TAKEN })
  }
  if (errors.length > 0 || !checked.value || !stored) throw new ValidationError(errors)
  return { input: checked.value, stored, key, version, taking }
}

/** Creates a round on a published questionnaire and gives every organisation taking part one assessment. */
export function createRoundService(repos: Repositories) {
  return async (form: RoundForm, actorUserId: number | null): Promise<number> => {
    const { input, stored, key, version, taking } = await checkRoundForm(repos, form)
    return repos.database.transaction(async trx => {
      if (await repos.rounds.findByName(input.name, trx)) {
        throw new ValidationError([{ field: 'name', message: NAME_TAKEN }])
      }
      const id = await repos.rounds.create({ ...input, questionnaireVersionId: stored.id, createdBy: actorUserId }, trx)
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
  }
}
