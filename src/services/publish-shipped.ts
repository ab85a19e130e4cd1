import { isDeepStrictEqual } from 'node:util'

/** How a shipped version (a questionnaire or a standard) stands in the database, and how to move it on. */
export interface ShippedVersion {
  /** The version as stored, if it is: its status and the document it holds. */
  stored(): Promise<{ status: 'draft' | 'published' | 'retired'; document: unknown } | undefined>
  upload(): Promise<unknown>
  publish(): Promise<unknown>
}

const ATTEMPTS = 5

/**
 * Publishes a version shipped with the service unless it is already published or retired; true when this
 * call published it. Processes starting together race to it: a write refused because another got there first
 * (the same key inserted, a draft already published) is a reason to look again, not to fail the start. A
 * draft left by a start that died is published next time; a draft holding anything else is an
 * administrator's, and is left alone.
 */
export async function publishShipped(document: unknown, version: ShippedVersion): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const stored = await version.stored()
    if (stored && (stored.status !== 'draft' || !isDeepStrictEqual(stored.document, document))) return false
    try {
      if (!stored) await version.upload()
      await version.publish()
      return true
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error
    }
  }
}
