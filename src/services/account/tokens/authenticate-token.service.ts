import { looksLikeToken } from '../../../domain/api-token'
import type { User } from '../../../domain/user'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { hashToken } from './token-hash'

/** The user a token acts for: undefined when it is unknown, malformed, expired, revoked or its user disabled. */
export function authenticateTokenService(repos: Repositories, clock: Clock) {
  return async (secret: string): Promise<User | undefined> => {
    if (!looksLikeToken(secret)) return undefined
    return repos.tokens.authenticate(hashToken(secret), clock())
  }
}
