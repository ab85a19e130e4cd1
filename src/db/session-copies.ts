import { LRUCache } from 'lru-cache'
import type { UserWithHash } from '../data/user.repository'
import type { ChangeFeed } from './change-feed'

/** A session and its user as last read, with the change feed's deafness then (see createCopies). */
export interface SessionCopy {
  data: string
  user: UserWithHash | undefined
  expiresAt: number
  deafness: number
}

const MB = 1024 * 1024

/** Roughly what a user row takes in memory beside its session's own JSON. */
const USER_BYTES = 512

/**
 * Sessions and their users, by the digest the database announces them under (see session.repository),
 * dropped as the change feed announces changes to either: part of createCopies.
 */
export function sessionCopies(changes: ChangeFeed) {
  const sessions = new LRUCache<string, SessionCopy>({
    max: 50_000,
    maxSize: 32 * MB,
    sizeCalculation: copy => copy.data.length * 2 + USER_BYTES,
  })

  /** Each session id's stored key and announced digest, two hashes worked out once per id. */
  const sessionNames = new LRUCache<string, { key: string; digest: string }>({ max: 50_000 })

  /** Counts every drop, so that a read overtaken by one is not kept. */
  let sessionDrops = 0
  const dropSessions = (digest?: string, userId?: number): void => {
    sessionDrops++
    if (digest !== undefined) sessions.delete(digest)
    else if (userId === undefined) sessions.clear()
    else for (const [key, copy] of sessions.entries()) if (copy.user?.id === userId) sessions.delete(key)
  }

  changes.onChange(change => {
    if (change.kind === 'session') dropSessions(change.key === '*' ? undefined : change.key)
    else if (change.kind === 'user') dropSessions(undefined, change.key === '*' ? undefined : Number(change.key))
  })

  return {
    /** A copy still good at `now`, or nothing. */
    get(digest: string, now: Date): SessionCopy | undefined {
      const copy = sessions.get(digest)
      if (copy && changes.live && copy.deafness === changes.deafness && copy.expiresAt > now.getTime()) return copy
      return undefined
    },
    /** What a read must quote to `keep`: a copy is kept only if nothing was dropped or missed meanwhile. */
    mark: () => ({ drops: sessionDrops, deafness: changes.deafness }),
    keep(digest: string, copy: Omit<SessionCopy, 'deafness'>, mark: { drops: number; deafness: number }): void {
      if (!changes.live || mark.drops !== sessionDrops || mark.deafness !== changes.deafness) return
      sessions.set(digest, { ...copy, deafness: mark.deafness })
    },
    drop: dropSessions,
    /** The session's stored key and digest, as `keyOf` and `digestOf` make them, remembered per id. */
    names(sid: string, keyOf: (sid: string) => string, digestOf: (key: string) => string) {
      let names = sessionNames.get(sid)
      if (!names) {
        const key = keyOf(sid)
        sessionNames.set(sid, (names = { key, digest: digestOf(key) }))
      }
      return names
    },
  }
}
