import type { FieldError } from '../errors'

/** Enough to show what matters most, few enough that ranking them still means something. */
export const MAX_PRIORITIES = 5

/** The dimension of the questionnaire whose themes are the service areas boroughs assess. */
export const SERVICES_DIMENSION = 'services'

export const priorityField = (rank: number) => `priority${rank}`

/**
 * Checks an organisation's ranked service-improvement priorities, given in rank order (a blank choice is
 * skipped and those after it move up). Each must be a service area of the questionnaire, chosen once.
 */
export function checkPriorities(
  raw: readonly unknown[],
  serviceAreas: ReadonlyMap<string, string>,
): { value?: string[]; errors: FieldError[] } {
  if (raw.length > MAX_PRIORITIES)
    return { errors: [{ field: 'priorities', message: `Choose at most ${MAX_PRIORITIES} priorities` }] }
  const errors: FieldError[] = []
  const chosen: string[] = []
  const rankOf = new Map<string, number>()
  for (const [i, value] of raw.entries()) {
    const field = priorityField(i + 1)
    const key = typeof value === 'string' ? value.trim() : value
    if (key === undefined || key === null || key === '') continue
    const title = typeof key === 'string' ? serviceAreas.get(key) : undefined
    if (typeof key !== 'string') errors.push({ field, message: 'Choose a service area from the list' })
    else if (title === undefined) errors.push({ field, message: `“${key}” is not a service area of the questionnaire` })
    else if (rankOf.has(key))
      errors.push({ field, message: `${title} is already priority ${rankOf.get(key)}: choose each service area once` })
    else {
      rankOf.set(key, i + 1)
      chosen.push(key)
    }
  }
  return errors.length > 0 ? { errors } : { value: chosen, errors }
}
