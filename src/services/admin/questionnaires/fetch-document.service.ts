import type { Repositories } from '../../../data'
import { noSuchVersion } from './fetch-version.service'

/** The stored document, byte for byte as uploaded. */
export function fetchDocumentService(repos: Repositories) {
  return async (key: string, version: number): Promise<unknown> => {
    const stored = await repos.questionnaires.find(key, version)
    if (!stored) throw noSuchVersion(key, version)
    return stored.document
  }
}
