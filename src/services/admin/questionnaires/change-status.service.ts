import { ConflictError } from '../../../domain/errors'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { noSuchVersion } from './fetch-version.service'

/** Moves a version on, draft to published or published to retired, and never back. */
export function changeStatusService(repos: Repositories, clock: Clock) {
  return async (
    key: string,
    version: number,
    from: 'draft' | 'published',
    to: 'published' | 'retired',
    actorUserId: number | null,
  ): Promise<void> => {
    await repos.database.transaction(async trx => {
      const stored = await repos.questionnaires.findForUpdate(key, version, trx)
      if (!stored) throw noSuchVersion(key, version)
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
  }
}
