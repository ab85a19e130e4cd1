import { createHash, randomBytes } from 'node:crypto'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'

export const INVITATION_DAYS = 7

export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** A new one-time link for a person to set their password; only its hash is stored. */
export function issueInvitation(repos: Repositories, clock: Clock) {
  return async (userId: number, db?: Parameters<typeof repos.invitations.create>[3]) => {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(clock().getTime() + INVITATION_DAYS * 24 * 3600 * 1000)
    await repos.invitations.create(hashInvitationToken(token), userId, expiresAt, db)
    return { token, expiresAt }
  }
}
