import { ConflictError, NotFoundError } from '../../domain/errors'
import { composeKeyMaps, compareVersions, type KeyMap } from '../../domain/questionnaire/compare'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import {
  parseDefinitionText,
  validateDefinition,
  type DefinitionError,
  type Unlisted,
} from '../../domain/questionnaire/validate'
import type { Repositories } from '../../data'
import type { StoredVersion } from '../../data/questionnaire.repository'
import type { Clock } from '../clock'

/** The first problems found (100 at most), and a count of any others. */
export class DefinitionInvalidError extends Error {
  constructor(
    readonly errors: DefinitionError[],
    readonly unlisted?: Unlisted,
  ) {
    const total = errors.length + (unlisted?.count ?? 0)
    super(`The definition has ${unlisted?.checkingStopped ? 'at least ' : ''}${total} problem${total === 1 ? '' : 's'}`)
  }
}

export interface LoadedVersion extends StoredVersion {
  definition: QuestionnaireDefinition
}

export function questionnaireService(repos: Repositories, clock: Clock) {
  /** Stored documents were valid when stored; this fills in the defaults again. */
  function load(stored: StoredVersion): LoadedVersion {
    const result = validateDefinition(stored.document, { supersedesAlreadyChecked: true })
    if (!result.valid) throw new Error(`stored questionnaire ${stored.key} v${stored.version} no longer validates`)
    return { ...stored, definition: result.definition }
  }

  /**
   * Checked definitions of published versions, which can never change (a database trigger sees to it):
   * checking a definition again on every read was a large part of every page that scores anything.
   */
  const published = repos.copies.definitions

  async function get(key: string, version: number): Promise<LoadedVersion> {
    const stored = await repos.questionnaires.find(key, version)
    if (!stored) throw new NotFoundError(`There is no version ${version} of questionnaire "${key}"`)
    if (stored.status === 'draft') return load(stored)
    const cacheKey = `${key}@${version}`
    // Frozen, because every request now shares it: a change anywhere would throw rather than leak.
    const definition = published.get(cacheKey) ?? deepFreeze(load(stored).definition)
    published.set(cacheKey, definition)
    return { ...stored, definition }
  }

  /**
   * A version's checked definition alone. Once a version is out of draft its definition can never
   * change, so after the first read it comes from memory: it is a large document to fetch on every save.
   */
  async function definitionOf(key: string, version: number): Promise<QuestionnaireDefinition> {
    return published.get(`${key}@${version}`) ?? (await get(key, version)).definition
  }

  /** Checks an uploaded document in full: the schema, the semantic rules, and the version it supersedes. */
  async function check(document: unknown): Promise<QuestionnaireDefinition> {
    const shape = validateDefinition(document, { supersedesAlreadyChecked: true })
    if (!shape.valid) throw new DefinitionInvalidError(shape.errors, shape.unlisted)
    const supersedes = shape.definition.supersedes
    const previous = supersedes && (await repos.questionnaires.find(shape.definition.key, supersedes.version))
    const result = validateDefinition(document, { previous: previous ? load(previous).definition : undefined })
    if (!result.valid) throw new DefinitionInvalidError(result.errors, result.unlisted)
    return result.definition
  }

  return {
    async list(): Promise<StoredVersion[]> {
      return repos.questionnaires.list()
    },

    get,
    definitionOf,

    /** The stored document, byte for byte as uploaded. */
    async document(key: string, version: number): Promise<unknown> {
      const stored = await repos.questionnaires.find(key, version)
      if (!stored) throw new NotFoundError(`There is no version ${version} of questionnaire "${key}"`)
      return stored.document
    },

    parse(text: string): unknown {
      const parsed = parseDefinitionText(text)
      if (parsed.errors.length > 0) throw new DefinitionInvalidError(parsed.errors)
      return parsed.document
    },

    /** Stores a new draft, or replaces a draft of the same version; published and retired versions never change. */
    async upload(
      document: unknown,
      actorUserId: number | null,
    ): Promise<{ key: string; version: number; replaced: boolean }> {
      const definition = await check(document)
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
    },

    async publish(key: string, version: number, actorUserId: number | null): Promise<void> {
      await this.changeStatus(key, version, 'draft', 'published', actorUserId)
    },

    async retire(key: string, version: number, actorUserId: number | null): Promise<void> {
      await this.changeStatus(key, version, 'published', 'retired', actorUserId)
    },

    async changeStatus(
      key: string,
      version: number,
      from: 'draft' | 'published',
      to: 'published' | 'retired',
      actorUserId: number | null,
    ): Promise<void> {
      await repos.database.transaction(async trx => {
        const stored = await repos.questionnaires.findForUpdate(key, version, trx)
        if (!stored) throw new NotFoundError(`There is no version ${version} of questionnaire "${key}"`)
        if (stored.status !== from) {
          throw new ConflictError(
            `Version ${version} of "${key}" is ${stored.status}: only a ${from} version can be ${to}`,
          )
        }
        await repos.questionnaires.setStatus(stored.id, to, clock(), trx)
        await repos.audit.record(
          {
            actorUserId,
            action: `questionnaire.${to}`,
            entityType: 'questionnaire_version',
            entityId: stored.id,
            before: { status: from },
            after: { status: to },
          },
          trx,
        )
      })
    },

    /**
     * The key map from an older version to a newer one, composed along the chain of supersedes;
     * undefined when the newer version does not descend from the older one.
     */
    async keyMapBetween(key: string, fromVersion: number, toVersion: number): Promise<KeyMap | undefined> {
      if (fromVersion === toVersion) return {}
      const chain: Record<string, string | string[]>[] = []
      let cursor: QuestionnaireDefinition = (await get(key, toVersion)).definition
      while (cursor.supersedes && cursor.supersedes.version >= fromVersion) {
        chain.unshift(cursor.supersedes.keyMap)
        if (cursor.supersedes.version === fromVersion) return composeKeyMaps(chain)
        cursor = (await get(key, cursor.supersedes.version)).definition
      }
      return undefined
    },

    /** Added, removed, reworded and mapped questions between two versions, following the chain of keyMaps. */
    async compare(key: string, fromVersion: number, toVersion: number) {
      const [older, newer] = await Promise.all([
        get(key, Math.min(fromVersion, toVersion)),
        get(key, Math.max(fromVersion, toVersion)),
      ])
      const keyMap = (await this.keyMapBetween(key, older.version, newer.version)) ?? {}
      return { older, newer, dimensions: compareVersions(older.definition, newer.definition, keyMap) }
    },
  }
}

export type QuestionnaireService = ReturnType<typeof questionnaireService>

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
