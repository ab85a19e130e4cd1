import { ChangeFeed } from '../../src/db/change-feed'
import { createCopies } from '../../src/db/copies'
import type { RoundData } from '../../src/services/insights/round-results'

/** A feed that is listening, so copies may be kept. */
class ListeningFeed extends ChangeFeed {
  constructor() {
    super()
    this.hearing()
  }
}

const emptyRound = { results: [] } as unknown as RoundData
const MB = 1024 * 1024

it('keeps at most 32 MB of bodies for a round, dropping the least recently used first', async () => {
  const copies = createCopies(new ListeningFeed())
  const round = copies.roundCopy({
    version: 'v1',
    heard: { deafness: 0, dataChanges: 0, at: 0 },
    loadedAfter: 0,
    assessments: new Map(),
    data: emptyRound,
  })
  for (let i = 0; i < 40; i++) {
    await round.bodies.fetch(`page-${i}`, { context: { make: () => Promise.resolve(Buffer.alloc(MB)) } })
  }
  expect(round.bodies.calculatedSize).toBeLessThanOrEqual(32 * MB)
  expect(round.bodies.has('page-0')).toBe(false)
  expect(round.bodies.has('page-39')).toBe(true)
})

it('keeps at most 32 MB of sessions, however large each one is', () => {
  const copies = createCopies(new ListeningFeed())
  const mark = copies.sessions.mark()
  const data = JSON.stringify({ csrfToken: 'x'.repeat(64 * 1024) })
  for (let i = 0; i < 1000; i++) {
    copies.sessions.keep(`digest-${i}`, { data, user: undefined, expiresAt: Date.now() + 60_000 }, mark)
  }
  const kept = Array.from({ length: 1000 }, (_, i) => copies.sessions.get(`digest-${i}`, new Date())).filter(Boolean)
  expect(kept.length * data.length * 2).toBeLessThanOrEqual(32 * MB)
  expect(copies.sessions.get('digest-999', new Date())).toBeDefined()
})

it('drops a session when the database announces a change to it, or to its user', () => {
  const feed = new ListeningFeed()
  const copies = createCopies(feed)
  const user = { id: 7 } as never
  copies.sessions.keep('a', { data: '{}', user, expiresAt: Date.now() + 60_000 }, copies.sessions.mark())
  copies.sessions.keep('b', { data: '{}', user: undefined, expiresAt: Date.now() + 60_000 }, copies.sessions.mark())
  feed.emit({ kind: 'user', key: '7' })
  expect(copies.sessions.get('a', new Date())).toBeUndefined()
  expect(copies.sessions.get('b', new Date())).toBeDefined()
  feed.emit({ kind: 'session', key: 'b' })
  expect(copies.sessions.get('b', new Date())).toBeUndefined()
})

it('keeps nothing read while a change was heard, or while the feed is not listening', () => {
  const feed = new ListeningFeed()
  const copies = createCopies(feed)
  const mark = copies.sessions.mark()
  feed.emit({ kind: 'session', key: '*' })
  copies.sessions.keep('a', { data: '{}', user: undefined, expiresAt: Date.now() + 60_000 }, mark)
  expect(copies.sessions.get('a', new Date())).toBeUndefined()
  const deaf = createCopies(new ChangeFeed())
  deaf.sessions.keep('a', { data: '{}', user: undefined, expiresAt: Date.now() + 60_000 }, deaf.sessions.mark())
  expect(deaf.sessions.get('a', new Date())).toBeUndefined()
})
