import { dateTime } from '../../domain/format/dates'

export interface InvitationView {
  invitee: string
  expires: string
  /** Whether their current password keeps working until they set a new one. */
  hasPassword: boolean
}

/** The page that shows an invitation or password reset link once. */
export function invitationView(
  invitee: { name: string; email: string; hasPassword: boolean },
  expiresAt: Date,
): InvitationView {
  return {
    invitee: `${invitee.name} (${invitee.email})`,
    expires: dateTime(expiresAt),
    hasPassword: invitee.hasPassword,
  }
}
