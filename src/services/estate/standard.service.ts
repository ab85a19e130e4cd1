import { ConflictError, NotFoundError } from '../../domain/errors'
import type { StandardVersion } from '../../domain/estate/estate'
import { validateStandard } from '../../domain/estate/standard-validation'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import { standardSeeds } from '../../../seeds/standards'
import { DefinitionInvalidError } from '../admin/questionnaires/definition-invalid.error'
import { parseDefinition } from '../admin/questionnaires/parse-definition'
import type { Clock } from '../clock'
import { publishShipped } from '../publish-shipped'

const ENTITY = 'standard_version'

export const noSuchStandard = (key: string, version: number): NotFoundError =>
  new NotFoundError(`There is no version ${version} of the standard “${key}”`)

async function upload(
  repos: Repositories,
  document: unknown,
  actorUserId: number | null,
): Promise<{ key: string; version: number; replaced: boolean }> {
  const result = validateStandard(document)
  if (!result.valid) throw new DefinitionInvalidError(result.errors, result.unlisted)
  const definition = result.definition
  return repos.database.transaction(async trx => {
    const existing = await repos.standards.findForUpdate(definition.key, definition.version, trx)
    const latest = await repos.standards.latestVersion(definition.key, trx)
    if (existing && existing.status !== 'draft')
      throw new ConflictError(
        `Version ${definition.version} of “${definition.key}” is ${existing.status} and can never change. Upload your changes as version ${latest + 1}.`,
      )
    if (!existing && definition.version < latest)
      throw new ConflictError(
        `“${definition.key}” already has version ${latest}: a new version must have a higher number, such as ${latest + 1}.`,
      )
    // A draft is nobody's yet: uploading the same version again replaces it.
    if (existing) await repos.standards.deleteDraft(existing.id, trx)
    const id = await repos.standards.insertDraft(definition, document, actorUserId, trx)
    await repos.audit.record(
      {
        actorUserId,
        action: existing ? 'standard.draft-replaced' : 'standard.uploaded',
        entityType: ENTITY,
        entityId: id,
        after: { key: definition.key, version: definition.version, title: definition.title },
      },
      trx,
    )
    return { key: definition.key, version: definition.version, replaced: existing !== undefined }
  })
}

async function changeStatus(
  repos: Repositories,
  clock: Clock,
  key: string,
  version: number,
  from: 'draft' | 'published',
  to: 'published' | 'retired',
  actorUserId: number | null,
): Promise<void> {
  await repos.database.transaction(async trx => {
    const stored = await repos.standards.findForUpdate(key, version, trx)
    if (!stored) throw noSuchStandard(key, version)
    if (stored.status !== from)
      throw new ConflictError(`Version ${version} of “${key}” is ${stored.status}: only a ${from} version can be ${to}`)
    await repos.standards.setStatus(stored.id, to, clock(), trx)
    await repos.audit.record(
      {
        actorUserId,
        action: `standard.${to}`,
        entityType: ENTITY,
        entityId: stored.id,
        before: { status: from },
        after: { status: to },
      },
      trx,
    )
  })
}

/** Standards as versioned documents: uploaded as drafts, checked, published once and never changed. */
export function standardService(repos: Repositories, clock: Clock) {
  async function get(key: string, version: number): Promise<StandardVersion> {
    const found = Number.isSafeInteger(version) && version > 0 ? await repos.standards.find(key, version) : undefined
    if (!found) throw noSuchStandard(key, version)
    return found
  }

  return {
    /** Every version of every standard, drafts too: for administrators. */
    listAll: (): Promise<StandardVersion[]> => repos.standards.list(),
    /** What everyone may see: published standards, and retired ones that ratings may still refer to. */
    listFor: (user: User): Promise<StandardVersion[]> =>
      repos.standards.list(user.role === 'admin' ? {} : { statuses: ['published', 'retired'] }),
    listPublished: (): Promise<StandardVersion[]> => repos.standards.list({ statuses: ['published'] }),
    get,
    /** A version as people who are not administrators may see it: never a draft. */
    async getVisible(user: User, key: string, version: number): Promise<StandardVersion> {
      const found = await get(key, version)
      if (found.status === 'draft' && user.role !== 'admin') throw noSuchStandard(key, version)
      return found
    },
    parse: parseDefinition,
    upload: (document: unknown, actorUserId: number | null) => upload(repos, document, actorUserId),
    publish: (key: string, version: number, actorUserId: number | null) =>
      changeStatus(repos, clock, key, version, 'draft', 'published', actorUserId),
    retire: (key: string, version: number, actorUserId: number | null) =>
      changeStatus(repos, clock, key, version, 'published', 'retired', actorUserId),
    async deleteDraft(key: string, version: number, actorUserId: number | null): Promise<void> {
      await repos.database.transaction(async trx => {
        const stored = await repos.standards.findForUpdate(key, version, trx)
        if (!stored) throw noSuchStandard(key, version)
        if (stored.status !== 'draft')
          throw new ConflictError(`Version ${version} of “${key}” is ${stored.status}, and is never deleted`)
        await repos.standards.deleteDraft(stored.id, trx)
        await repos.audit.record(
          {
            actorUserId,
            action: 'standard.draft-deleted',
            entityType: ENTITY,
            entityId: stored.id,
            before: { key, version, title: stored.title },
          },
          trx,
        )
      })
    },

    /**
     * Publishes the standards in seeds/data/standards the database does not have yet: reference data
     * every deployment needs, safe at every start and from several processes starting at once.
     */
    async seed(): Promise<string[]> {
      const published: string[] = []
      for (const seed of standardSeeds()) {
        const document = parseDefinition(seed.text) as { key: string; version: number }
        const shipped = await publishShipped(document, {
          stored: async () => {
            const stored = await repos.standards.find(document.key, document.version)
            return stored && { status: stored.status, document: stored.definition }
          },
          upload: () => upload(repos, document, null),
          publish: () => changeStatus(repos, clock, document.key, document.version, 'draft', 'published', null),
        })
        if (shipped) published.push(`${document.key} v${document.version}`)
      }
      return published
    },
  }
}

export type StandardService = ReturnType<typeof standardService>
