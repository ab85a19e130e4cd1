import { ConflictError, ValidationError } from '../../../domain/errors'
import { checkErratum, erratumCandidates, type Erratum } from '../../../domain/questionnaire/errata'
import type { Repositories } from '../../../data'
import { fetchVersionService, type LoadedVersion } from './fetch-version.service'

export interface ErratumForm {
  version: LoadedVersion
  /** The version it supersedes, which its questions are compared with. */
  supersedes: number
  errata: Erratum[]
  /** The scored questions compared with that version that have no erratum yet. */
  candidates: { key: string; prompt: string }[]
}

type Checker = (
  key: string,
  version: number,
  raw: { question?: unknown; reason?: unknown },
) => Promise<{ version: LoadedVersion; erratum: { question: string; reason: string; prompt: string } }>

function recordWith(repos: Repositories, check: Checker) {
  return async (
    key: string,
    versionNumber: number,
    raw: { question?: unknown; reason?: unknown },
    actorUserId: number | null,
  ) => {
    const { version, erratum } = await check(key, versionNumber, raw)
    await repos.database.transaction(async trx => {
      if (!(await repos.questionnaireErrata.insert(version.id, erratum, actorUserId, trx)))
        throw new ValidationError([
          { field: 'question', message: `Version ${versionNumber} already has an erratum on “${erratum.question}”` },
        ])
      await repos.audit.record(
        {
          actorUserId,
          action: 'questionnaire.erratum-recorded',
          entityType: 'questionnaire_version',
          entityId: version.id,
          after: { question: erratum.question, reason: erratum.reason },
        },
        trx,
      )
    })
    return erratum
  }
}

/**
 * Errata against published versions: an administrator records that a question, though it kept its key,
 * is not comparable with the version before, with a reason everyone reading a trend will see.
 */
export function errataService(repos: Repositories) {
  const get = fetchVersionService(repos)

  /** What recording an erratum against this version needs; a draft or a first version cannot have one. */
  async function form(key: string, versionNumber: number): Promise<ErratumForm> {
    const version = await get(key, versionNumber)
    const supersedes = version.definition.supersedes
    if (version.status === 'draft')
      throw new ConflictError(
        `Version ${versionNumber} of “${key}” is a draft: change the draft itself rather than record an erratum`,
      )
    if (!supersedes)
      throw new ConflictError(
        `Version ${versionNumber} of “${key}” supersedes no earlier version, so no question of it is compared with one`,
      )
    const [older, errata] = await Promise.all([
      get(key, supersedes.version),
      repos.questionnaireErrata.forVersion(key, versionNumber),
    ])
    const recorded = errata.map(e => e.question)
    return {
      version,
      supersedes: supersedes.version,
      errata,
      candidates: erratumCandidates(older.definition, version.definition, supersedes.keyMap, recorded),
    }
  }

  /** Checks what was typed against the version, changing nothing: for the check page. */
  async function check(key: string, versionNumber: number, raw: { question?: unknown; reason?: unknown }) {
    const context = await form(key, versionNumber)
    const checked = checkErratum(raw, {
      version: versionNumber,
      supersedes: context.supersedes,
      candidates: context.candidates,
      recorded: context.errata.map(e => e.question),
    })
    const value = checked.value
    if (!value) throw new ValidationError(checked.errors)
    const prompt = context.candidates.find(c => c.key === value.question)?.prompt ?? ''
    return { ...context, erratum: { ...value, prompt } }
  }

  return {
    form,
    check,
    /** Every erratum of one version, for anyone who may read the version. */
    list: async (key: string, versionNumber: number): Promise<Erratum[]> => {
      await get(key, versionNumber)
      return repos.questionnaireErrata.forVersion(key, versionNumber)
    },

    /** Records one erratum, audited; a second start or a double submit finds it there and changes nothing. */
    record: recordWith(repos, check),
  }
}

export type ErrataService = ReturnType<typeof errataService>
