import { composeKeyMaps, compareVersions, type KeyMap } from '../../../domain/questionnaire/compare'
import type { QuestionnaireDefinition } from '../../../domain/questionnaire/definition'
import type { Repositories } from '../../../data'
import { fetchVersionService } from './fetch-version.service'

/**
 * The key map from an older version to a newer one, composed along the chain of supersedes;
 * undefined when the newer version does not descend from the older one.
 */
export function keyMapBetweenService(repos: Repositories) {
  const get = fetchVersionService(repos)
  return async (key: string, fromVersion: number, toVersion: number): Promise<KeyMap | undefined> => {
    if (fromVersion === toVersion) return {}
    const chain: Record<string, string | string[]>[] = []
    let cursor: QuestionnaireDefinition = (await get(key, toVersion)).definition
    while (cursor.supersedes && cursor.supersedes.version >= fromVersion) {
      chain.unshift(cursor.supersedes.keyMap)
      if (cursor.supersedes.version === fromVersion) return composeKeyMaps(chain)
      cursor = (await get(key, cursor.supersedes.version)).definition
    }
    return undefined
  }
}

/** Added, removed, reworded and mapped questions between two versions, following the chain of keyMaps. */
export function compareVersionsService(repos: Repositories) {
  const get = fetchVersionService(repos)
  const keyMapBetween = keyMapBetweenService(repos)
  return async (key: string, fromVersion: number, toVersion: number) => {
    const [older, newer] = await Promise.all([
      get(key, Math.min(fromVersion, toVersion)),
      get(key, Math.max(fromVersion, toVersion)),
    ])
    const keyMap = (await keyMapBetween(key, older.version, newer.version)) ?? {}
    return { older, newer, dimensions: compareVersions(older.definition, newer.definition, keyMap) }
  }
}
