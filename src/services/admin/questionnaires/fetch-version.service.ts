import { NotFoundError } from '../../../domain/errors'
import type { QuestionnaireDefinition } from '../../../domain/questionnaire/definition'
import { validateDefinition } from '../../../domain/questionnaire/validate'
import type { Repositories } from '../../../data'
import type { StoredVersion } from '../../../data/questionnaire.repository'

export interface LoadedVersion extends StoredVersion {
  definition: QuestionnaireDefinition
}

export const noSuchVersion = (key: string, version: number): NotFoundError =>
  new NotFoundError(`There is no version ${version} of questionnaire "${key}"`)

/** Stored documents were valid when stored; this fills in the defaults again. */
export function loadStored(stored: StoredVersion): LoadedVersion {
  const result = validateDefinition(stored.document, { supersedesAlreadyChecked: true })
  if (!result.valid) throw new Error(`stored questionnaire ${stored.key} v${stored.version} no longer validates`)
  return { ...stored, definition: result.definition }
}

/**
 * One version with its checked definition. Checked definitions of published versions, which can never
 * change (a database trigger sees to it), are kept in repos.copies: checking a definition again on every
 * read was a large part of every page that scores anything.
 */
export function fetchVersionService(repos: Repositories) {
  const published = repos.copies.definitions
  return async (key: string, version: number): Promise<LoadedVersion> => {
    const stored = await repos.questionnaires.find(key, version)
    if (!stored) throw noSuchVersion(key, version)
    if (stored.status === 'draft') return loadStored(stored)
    const cacheKey = `${key}@${version}`
    // Frozen, because every request now shares it: a change anywhere would throw rather than leak.
    const definition = published.get(cacheKey) ?? deepFreeze(loadStored(stored).definition)
    published.set(cacheKey, definition)
    return { ...stored, definition }
  }
}

/**
 * A version's checked definition alone. Once a version is out of draft its definition can never
 * change, so after the first read it comes from memory: it is a large document to fetch on every save.
 */
export function fetchDefinitionService(repos: Repositories) {
  const get = fetchVersionService(repos)
  return async (key: string, version: number): Promise<QuestionnaireDefinition> =>
    repos.copies.definitions.get(`${key}@${version}`) ?? (await get(key, version)).definition
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
