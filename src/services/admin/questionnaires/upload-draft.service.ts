import { ConflictError } from '../../../domain/errors'
import type { QuestionnaireDefinition } from '../../../domain/questionnaire/definition'
import { supersededVersion, validateDefinition } from '../../../domain/questionnaire/validate'
import type { Repositories } from '../../../data'
import { DefinitionInvalidError } from './definition-invalid.error'
import { loadStored } from './fetch-version.service'

/**
 * Checks an uploaded document in full, in one pass: the schema, the rules, and the keyMap against the
 * version it supersedes, looked up by whatever the document says, so every problem is listed at once.
 */
async function check(repos: Repositories, document: unknown): Promise<QuestionnaireDefinition> {
  const target = supersededVersion(document)
  const previous = target && (await repos.questionnaires.find(target.key, target.version))
  const result = validateDefinition(document, { previous: previous ? loadStored(previous).definition : undefined })
  if (!result.valid) throw new DefinitionInvalidError(result.errors, result.unlisted)
  return result.definition
}

/** Stores a new draft, or replaces a draft of the same version; published and retired versions never change. */
export function uploadDraftService(repos: Repositories) {
  return async (
    document: unknown,
    actorUserId: number | null,
  ): Promise<{ key: string; version: number; replaced: boolean }> => {
    const definition = await check(repos, document)
    return repos.database.transaction(async trx => {
      const existing = await repos.questionnaires.findForUpdate(definition.key, definition.version, trx)
      if (existing && existing.status !== 'draft') {
        throw new ConflictError(
          `Version ${definition.version} of "${definition.key}" is ${existing.status} and can never change. Upload your changes as a new version.`,
        )
      }
      if (existing) await repos.questionnaires.replaceDraft(existing.id, definition.title, document, trx)
      const id =
        existing?.id ??
        (await repos.questionnaires.insertDraft(
          definition.key,
          definition.version,
          definition.title,
          document,
          actorUserId,
          trx,
        ))
      await repos.audit.record(
        {
          actorUserId,
          action: existing ? 'questionnaire.draft-replaced' : 'questionnaire.uploaded',
          entityType: 'questionnaire_version',
          entityId: id,
          after: { key: definition.key, version: definition.version, title: definition.title },
        },
        trx,
      )
      return { key: definition.key, version: definition.version, replaced: existing !== undefined }
    })
  }
}
