import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { acceptInvitationService } from './users/accept-invitation.service'
import { changePasswordService } from './users/change-password.service'
import { createUserWithPasswordService } from './users/create-user-with-password.service'
import { fetchUserService } from './users/fetch-user.service'
import { findInvitationService } from './users/find-invitation.service'
import { inviteUserService } from './users/invite-user.service'
import { listUsersService } from './users/list-users.service'
import { reissueInvitationService } from './users/reissue-invitation.service'
import { setUserDisabledService } from './users/set-user-disabled.service'
import { updateUserService } from './users/update-user.service'

export { INVITATION_DAYS } from './users/invitations'
export type { PasswordChange, PasswordForm } from './users/change-password.service'
export type { UserForm } from './users/user-input'
export type { UserListing } from './users/list-users.service'

/** Users and their accounts: one use case a file in ./users, gathered here as the one service callers know. */
export function userService(repos: Repositories, clock: Clock) {
  return {
    list: listUsersService(repos),
    get: fetchUserService(repos),
    invite: inviteUserService(repos, clock),
    reissueInvitation: reissueInvitationService(repos, clock),
    createWithPassword: createUserWithPasswordService(repos),
    update: updateUserService(repos),
    setDisabled: setUserDisabledService(repos, clock),
    changePassword: changePasswordService(repos, clock),
    findInvitation: findInvitationService(repos, clock),
    acceptInvitation: acceptInvitationService(repos, clock),
  }
}

export type UserService = ReturnType<typeof userService>
