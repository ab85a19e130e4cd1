import { LRUCache } from 'lru-cache'
import type { ChangeFeed } from './change-feed'
import type { UserWithHash } from '../data/user.repository'

/**
 * Everything this process keeps in memory of what it read from the database, how much of it, and when
 * each copy is dropped. Every copy is a copy it knows how to drop: the database announces each change
 * (see ChangeFeed), and a copy read while the feed could have missed one (`deafness` moved) or while it is
 * not listening at all is never trusted. Each store is bounded by count and by bytes, so no input can
 * make the process grow without limit.
 */
export interface SessionCopy {
  data: string
  user: UserWithHash | undefined
  expiresAt: number
  deafness: number
}

const MB = 1024 * 1024

/** Roughly what a user row takes in memory beside its session's own JSON. */
const USER_BYTES = 512

export function createCopies(changes: ChangeFeed) {
  /** Sessions and their users, by the digest the database announces them under (see session.repository). */
  const sessions = new LRUCache<string, SessionCopy>({
    max: 50_000,
    maxSize: 32 * MB,
    sizeCalculation: copy => copy.data.length * 2 + USER_BYTES,
  })

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
    changes,
    sessions: {
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
    },
  }
}

export type Copies = ReturnType<typeof createCopies>
