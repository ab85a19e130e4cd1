import { composeKeyMaps, compareVersions, type KeyMap } from '../../../domain/questionnaire/compare'
import { chainWithErrata, type ChainStep, type NotComparable } from '../../../domain/questionnaire/errata'
import type { Repositories } from '../../../data'
import { fetchVersionService } from './fetch-version.service'

/**
 * The links from an older version to a newer one, oldest first, following the chain of supersedes;
 * undefined when the newer version does not descend from the older one.
 */
function chainBetweenService(repos: Repositories) {
  const get = fetchVersionService(repos)
  return async (key: string, fromVersion: number, toVersion: number): Promise<ChainStep[] | undefined> => {
    if (fromVersion === toVersion) return []
    const chain: ChainStep[] = []
    let cursor = await get(key, toVersion)
    while (cursor.definition.supersedes && cursor.definition.supersedes.version >= fromVersion) {
      const { version, keyMap } = cursor.definition.supersedes
      chain.unshift({ version: cursor.version, keyMap })
      if (version === fromVersion) return chain
      cursor = await get(key, version)
    }
    return undefined
  }
}

/**
 * How the questions of an older version carry to a newer one: the key map composed along the chain, with
 * the questions that errata declare not comparable cut loose and listed with their reasons; undefined
 * when the newer version does not descend from the older one.
 */
export function comparisonBetweenService(repos: Repositories) {
  const chainBetween = chainBetweenService(repos)
  return async (
    key: string,
    fromVersion: number,
    toVersion: number,
  ): Promise<{ keyMap: KeyMap; notComparable: NotComparable[] } | undefined> => {
    const chain = await chainBetween(key, fromVersion, toVersion)
    if (!chain) return undefined
    if (chain.length === 0) return { keyMap: {}, notComparable: [] }
    return chainWithErrata(chain, await repos.questionnaireErrata.forQuestionnaire(key))
  }
}

/** The key map from an older version to a newer one, errata applied; undefined when they are not linked. */
export function keyMapBetweenService(repos: Repositories) {
  const comparisonBetween = comparisonBetweenService(repos)
  return async (key: string, fromVersion: number, toVersion: number): Promise<KeyMap | undefined> =>
    (await comparisonBetween(key, fromVersion, toVersion))?.keyMap
}

/** Added, removed, reworded and mapped questions between two versions, following the chain of keyMaps. */
export function compareVersionsService(repos: Repositories) {
  const get = fetchVersionService(repos)
  const chainBetween = chainBetweenService(repos)
  return async (key: string, fromVersion: number, toVersion: number) => {
    const [older, newer] = await Promise.all([
      get(key, Math.min(fromVersion, toVersion)),
      get(key, Math.max(fromVersion, toVersion)),
    ])
    // The documents as written: errata change what is compared, not what each version says.
    const chain = await chainBetween(key, older.version, newer.version)
    const keyMap = composeKeyMaps((chain ?? []).map(step => step.keyMap))
    return { older, newer, dimensions: compareVersions(older.definition, newer.definition, keyMap) }
  }
}
