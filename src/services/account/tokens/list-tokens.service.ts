import { tokenStatus, type ApiToken, type TokenStatus } from '../../../domain/api-token'
import { NotFoundError } from '../../../domain/errors'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'

export interface ListedToken extends ApiToken {
  status: TokenStatus
}

/** A person's tokens with their status now: never the secrets, which are not stored. */
export function listTokensService(repos: Repositories, clock: Clock) {
  return async (userId: number): Promise<ListedToken[]> => {
    const now = clock()
    return (await repos.tokens.forUser(userId)).map(t => ({ ...t, status: tokenStatus(t, now) }))
  }
}

/** One of a person's tokens; another person's is as good as absent. */
export function fetchTokenService(repos: Repositories, clock: Clock) {
  return async (userId: number, id: number): Promise<ListedToken> => {
    const token = await repos.tokens.findOwned(userId, id)
    if (!token) throw new NotFoundError('There is no such token')
    return { ...token, status: tokenStatus(token, clock()) }
  }
}
