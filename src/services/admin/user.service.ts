import { createHash, randomBytes } from 'node:crypto'
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { checkNewPassword, checkUserInput, type User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'
import type { Clock } from '../clock'
import { passwordCheck } from '../account/password-check'
import { hashPassword } from '../account/passwords'

export const INVITATION_DAYS = 7

export interface UserForm {
  email?: unknown
  name?: unknown
  role?: unknown
  organisation?: unknown
}

export interface PasswordForm {
  currentPassword?: unknown
  password?: unknown
  confirmPassword?: unknown
}

export type PasswordChange = { outcome: 'changed' } | { outcome: 'throttled'; retryAfterSeconds: number }

export interface UserListing extends User {
  organisation: Organisation | undefined
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

function withoutHash<T extends { passwordHash?: unknown }>(user: T): Omit<T, 'passwordHash'> {
  const { passwordHash: _omit, ...rest } = user
  return rest
}

export function userService(repos: Repositories, clock: Clock) {
  const checkPassword = passwordCheck(repos, clock)
  async function resolveInput(form: UserForm) {
    const slug = typeof form.organisation === 'string' ? form.organisation : ''
    const organisation = slug === '' ? undefined : await repos.organisations.findBySlug(slug)
    const checked = checkUserInput({ ...form, organisationId: organisation?.id ?? null })
    const unknownOrganisation: FieldError[] =
      slug !== '' && !organisation ? [{ field: 'organisation', message: 'Select an organisation from the list' }] : []
    const errors = [
      ...unknownOrganisation,
      ...checked.errors.filter(e => !(unknownOrganisation.length && e.field === 'organisation')),
    ]
    if (errors.length > 0 || !checked.value) throw new ValidationError(errors)
    return checked.value
  }

  async function issueInvitation(userId: number, db?: Parameters<typeof repos.invitations.create>[3]) {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(clock().getTime() + INVITATION_DAYS * 24 * 3600 * 1000)
    await repos.invitations.create(hashToken(token), userId, expiresAt, db)
    return { token, expiresAt }
  }

  /**
   * A new password shuts out whoever knew the old one: every personal access token of the person is
   * revoked here, in the caller's transaction and audited with it; the caller ends the other sessions
   * once it has committed.
   */
  async function setNewPassword(
    userId: number,
    passwordHash: string,
    at: Date,
    trx: Transaction,
    action: 'user.password-set' | 'user.password-changed' = 'user.password-set',
  ): Promise<void> {
    await repos.users.setPasswordHash(userId, passwordHash, trx)
    const revoked = await repos.tokens.revokeAllForUser(userId, at, trx)
    await repos.audit.record(
      {
        at,
        actorUserId: userId,
        action,
        entityType: 'user',
        entityId: userId,
        after: { tokensRevoked: revoked.map(t => t.id), otherSessionsEnded: true },
      },
      trx,
    )
  }

  return {
    async list(): Promise<UserListing[]> {
      const [users, organisations] = await Promise.all([repos.users.list(), repos.organisations.list()])
      const byId = new Map(organisations.map(o => [o.id, o]))
      return users.map(u => ({
        ...u,
        organisation: u.organisationId === null ? undefined : byId.get(u.organisationId),
      }))
    },

    async get(id: number): Promise<User> {
      const user = await repos.users.findById(id)
      if (!user) throw new NotFoundError('There is no such user')
      return withoutHash(user)
    },

    /** Creates an account without a password and returns a one-time link for the person to set one. */
    async invite(
      form: UserForm,
      actorUserId: number | null,
    ): Promise<{ userId: number; token: string; expiresAt: Date }> {
      const input = await resolveInput(form)
      return repos.database.transaction(async trx => {
        if (await repos.users.findByEmail(input.email, trx)) {
          throw new ValidationError([{ field: 'email', message: 'A user with this email address already exists' }])
        }
        const userId = await repos.users.create(input, null, trx)
        const invitation = await issueInvitation(userId, trx)
        await repos.audit.record(
          { actorUserId, action: 'user.invited', entityType: 'user', entityId: userId, after: input },
          trx,
        )
        return { userId, ...invitation }
      })
    },

    async reissueInvitation(userId: number, actorUserId: number): Promise<{ token: string; expiresAt: Date }> {
      const user = await this.get(userId)
      return repos.database.transaction(async trx => {
        const invitation = await issueInvitation(user.id, trx)
        await repos.audit.record(
          { actorUserId, action: 'user.invitation-reissued', entityType: 'user', entityId: user.id },
          trx,
        )
        return invitation
      })
    },

    /** For the command line: an account with a password, e.g. the first admin of an empty database. */
    async createWithPassword(form: UserForm, password: string): Promise<number> {
      const input = await resolveInput(form)
      const problems = checkNewPassword(password, password, input.email)
      if (problems.length > 0) throw new ValidationError(problems)
      const passwordHash = await hashPassword(password)
      return repos.database.transaction(async trx => {
        if (await repos.users.findByEmail(input.email, trx)) {
          throw new ValidationError([{ field: 'email', message: 'A user with this email address already exists' }])
        }
        const userId = await repos.users.create(input, passwordHash, trx)
        await repos.audit.record(
          { actorUserId: null, action: 'user.created', entityType: 'user', entityId: userId, after: input },
          trx,
        )
        return userId
      })
    },

    async update(userId: number, form: UserForm, actorUserId: number): Promise<void> {
      const before = await this.get(userId)
      const input = await resolveInput(form)
      if (userId === actorUserId && input.role !== 'admin') {
        throw new ValidationError([{ field: 'role', message: 'You cannot remove your own admin role' }])
      }
      await repos.database.transaction(async trx => {
        const clash = await repos.users.findByEmail(input.email, trx)
        if (clash && clash.id !== userId) {
          throw new ValidationError([{ field: 'email', message: 'A user with this email address already exists' }])
        }
        await repos.users.update(userId, input, trx)
        await repos.audit.record(
          {
            actorUserId,
            action: 'user.updated',
            entityType: 'user',
            entityId: userId,
            before: {
              email: before.email,
              name: before.name,
              role: before.role,
              organisationId: before.organisationId,
            },
            after: input,
          },
          trx,
        )
      })
      // A new role takes effect at once: open sessions would otherwise carry the old one's reach.
      if (before.role !== input.role || before.organisationId !== input.organisationId) {
        await repos.sessions.destroyForUser(userId)
      }
    },

    async setDisabled(userId: number, disabled: boolean, actorUserId: number): Promise<void> {
      const user = await this.get(userId)
      if (userId === actorUserId && disabled) throw new ConflictError('You cannot disable your own account')
      const at = clock()
      await repos.database.transaction(async trx => {
        await repos.users.setDisabled(userId, disabled ? at : null, trx)
        // Tokens end with the disabling, so enabling the account later does not bring them back. Enabling
        // revokes too: an account disabled before tokens ended this way may still hold some.
        const revoked = await repos.tokens.revokeAllForUser(userId, at, trx)
        await repos.audit.record(
          {
            at,
            actorUserId,
            action: disabled ? 'user.disabled' : 'user.enabled',
            entityType: 'user',
            entityId: userId,
            before: { disabled: user.disabled },
            after: { disabled, tokensRevoked: revoked.map(t => t.id) },
          },
          trx,
        )
      })
      if (disabled) await repos.sessions.destroyForUser(userId)
    },

    /**
     * A person changes their own password on Your account, giving the current one, which is checked
     * within the sign-in limits. Every session of theirs ends and every token is revoked; the route
     * then signs this browser in again under a new session id.
     */
    async changePassword(user: User, form: PasswordForm, address: string): Promise<PasswordChange> {
      const current = typeof form.currentPassword === 'string' ? form.currentPassword : ''
      if (current === '') {
        throw new ValidationError([{ field: 'currentPassword', message: 'Enter your current password' }])
      }
      const problems = checkNewPassword(form.password, form.confirmPassword, user.email)
      if (problems.length > 0) throw new ValidationError(problems)
      const checked = await checkPassword(user.email, current, address)
      if (checked.outcome === 'throttled') return checked
      if (checked.outcome === 'invalid' || checked.user.id !== user.id) {
        throw new ValidationError([{ field: 'currentPassword', message: 'Your current password is not right' }])
      }
      const passwordHash = await hashPassword(form.password as string)
      const at = clock()
      await repos.database.transaction(trx => setNewPassword(user.id, passwordHash, at, trx, 'user.password-changed'))
      await repos.sessions.destroyForUser(user.id)
      return { outcome: 'changed' }
    },

    async findInvitation(token: string): Promise<User | undefined> {
      const invitation = await repos.invitations.findUsable(hashToken(token), clock())
      if (!invitation) return undefined
      const user = await repos.users.findById(invitation.userId)
      return user && !user.disabled ? withoutHash(user) : undefined
    },

    async acceptInvitation(token: string, password: unknown, confirmation: unknown): Promise<User> {
      const user = await this.findInvitation(token)
      if (!user) throw new NotFoundError('This invitation link has expired or has already been used')
      const problems = checkNewPassword(password, confirmation, user.email)
      if (problems.length > 0) throw new ValidationError(problems)
      const passwordHash = await hashPassword(password as string)
      const at = clock()
      await repos.database.transaction(async trx => {
        if (!(await repos.invitations.markUsed(hashToken(token), at, trx))) {
          throw new NotFoundError('This invitation link has expired or has already been used')
        }
        await setNewPassword(user.id, passwordHash, at, trx)
      })
      // After the commit, so a sign-in with the old password just before it is ended too. A reset link
      // may be opened anywhere, so no browser keeps its session.
      await repos.sessions.destroyForUser(user.id)
      return user
    },
  }
}

export type UserService = ReturnType<typeof userService>
