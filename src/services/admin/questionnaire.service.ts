import type { Repositories } from '../../data'
import type { StoredVersion } from '../../data/questionnaire.repository'
import type { Clock } from '../clock'
import { changeStatusService } from './questionnaires/change-status.service'
import {
  compareVersionsService,
  comparisonBetweenService,
  keyMapBetweenService,
} from './questionnaires/compare-versions.service'
import { definitionExample, definitionSchema } from './questionnaires/definition-downloads'
import { fetchDocumentService } from './questionnaires/fetch-document.service'
import { fetchDefinitionService, fetchVersionService } from './questionnaires/fetch-version.service'
import { parseDefinition } from './questionnaires/parse-definition'
import { uploadDraftService } from './questionnaires/upload-draft.service'
import { errataService } from './questionnaires/errata.service'

export { DefinitionInvalidError } from './questionnaires/definition-invalid.error'
export type { LoadedVersion } from './questionnaires/fetch-version.service'

/** Versioned questionnaires: one use case a file in ./questionnaires, gathered here as the one service callers know. */
export function questionnaireService(repos: Repositories, clock: Clock) {
  const changeStatus = changeStatusService(repos, clock)
  return {
    list: async (): Promise<StoredVersion[]> => repos.questionnaires.list(),
    get: fetchVersionService(repos),
    definitionOf: fetchDefinitionService(repos),
    document: fetchDocumentService(repos),
    parse: parseDefinition,
    example: definitionExample,
    schema: definitionSchema,
    upload: uploadDraftService(repos),
    publish: async (key: string, version: number, actorUserId: number | null): Promise<void> =>
      changeStatus(key, version, 'draft', 'published', actorUserId),
    retire: async (key: string, version: number, actorUserId: number | null): Promise<void> =>
      changeStatus(key, version, 'published', 'retired', actorUserId),
    changeStatus,
    keyMapBetween: keyMapBetweenService(repos),
    comparisonBetween: comparisonBetweenService(repos),
    compare: compareVersionsService(repos),
    errata: errataService(repos),
  }
}

export type QuestionnaireService = ReturnType<typeof questionnaireService>
