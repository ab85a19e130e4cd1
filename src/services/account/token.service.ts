import type { ApiToken } from '../../domain/api-token'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { authenticateTokenService } from './tokens/authenticate-token.service'
import { createTokenService } from './tokens/create-token.service'
import { fetchTokenService, listTokensService, type ListedToken } from './tokens/list-tokens.service'
import { revokeTokenService } from './tokens/revoke-token.service'

export type { ListedToken } from './tokens/list-tokens.service'
export type { TokenForm } from './tokens/create-token.service'

/**
 * Personal access tokens: one use case a file in ./tokens, gathered here as the one service callers
 * know. A person's own and an admin's view of someone else's share each use case, differing in whose.
 */
export function tokenService(repos: Repositories, clock: Clock) {
  const listFor = listTokensService(repos, clock)
  const revokeOwned = revokeTokenService(repos, clock)
  return {
    list: (user: User): Promise<ListedToken[]> => listFor(user.id),
    create: createTokenService(repos, clock),
    /** Revokes one of the user's own tokens; anyone else's is as good as absent. */
    revoke: (user: User, id: number): Promise<ApiToken> => revokeOwned(user.id, user.id, id),
    /** An admin's view of one person's tokens: never the secrets, which are not stored. */
    listForUser: listFor,
    /** One of a person's tokens, for the admin's check page; another person's is as good as absent. */
    findForUser: fetchTokenService(repos, clock),
    /** An admin revokes one of another person's tokens (route-guarded to admins); audited as theirs. */
    revokeForUser: (admin: User, ownerId: number, id: number): Promise<ApiToken> => revokeOwned(admin.id, ownerId, id),
    authenticate: authenticateTokenService(repos, clock),
  }
}

export type TokenService = ReturnType<typeof tokenService>
