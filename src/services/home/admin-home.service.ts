import { roundStatus, type Round, type RoundStatus } from '../../domain/assessment/round'
import type { User } from '../../domain/user'
import { estateHeadline, type EstateHeadline } from './estate-home'
import type { HomeDeps } from './home-deps'

export interface AdminHome {
  /** Rounds not yet closed, soonest closing first, and the newest closed one. */
  rounds: (Round & { status: RoundStatus })[]
  /** People with an account who have never signed in (invitations not taken up), oldest first. */
  notSignedIn: User[]
  drafts: { key: string; version: number; title: string }[]
  estate: EstateHeadline
}

/** An admin's morning: rounds and their state, invitations not taken up, questionnaire drafts. */
export function adminHome({ repos, clock }: HomeDeps) {
  return async function forAdmin(): Promise<AdminHome> {
    const [rounds, users, versions, estate] = await Promise.all([
      repos.rounds.list(),
      repos.users.list(),
      repos.questionnaires.list(),
      estateHeadline(repos, clock),
    ])
    const now = clock()
    const withStatus = rounds.map(r => ({ ...r, status: roundStatus(r, now) }))
    const running = withStatus
      .filter(r => r.status === 'open' || r.status === 'scheduled')
      .sort((a, b) => a.closesOn.localeCompare(b.closesOn))
    const lastClosed = withStatus
      .filter(r => r.status === 'closed')
      .sort((a, b) => b.closesOn.localeCompare(a.closesOn))[0]
    return {
      rounds: lastClosed ? [...running, lastClosed] : running,
      notSignedIn: users.filter(u => !u.disabled && u.lastSignedInAt === null).sort((a, b) => a.id - b.id),
      drafts: versions.filter(v => v.status === 'draft').map(v => ({ key: v.key, version: v.version, title: v.title })),
      estate,
    }
  }
}
