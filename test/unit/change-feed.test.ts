import { EventEmitter } from 'node:events'
import type { Knex } from 'knex'
import { ChangeFeed, parseChange, type Change } from '../../src/db/change-feed'

describe('parseChange', () => {
  it('reads what the triggers announce', () => {
    expect(parseChange('session:0cc175b9c0f1b6a831c399e269772661')).toEqual({
      kind: 'session',
      key: '0cc175b9c0f1b6a831c399e269772661',
    })
    expect(parseChange('user:42')).toEqual({ kind: 'user', key: '42' })
    expect(parseChange('data:assessments')).toEqual({ kind: 'data', key: 'assessments' })
  })

  it('ignores anything else on the channel', () => {
    expect(parseChange('hello')).toBeUndefined()
    expect(parseChange('table:users')).toBeUndefined()
    expect(parseChange('')).toBeUndefined()
  })
})

describe('a feed watching this process’s writes', () => {
  const heard = (sql: string): Change[] => {
    const knex = new EventEmitter()
    const feed = new ChangeFeed()
    const changes: Change[] = []
    feed.onChange(change => changes.push(change))
    feed.watchWrites(knex as unknown as Knex)
    knex.emit('query', { sql })
    return changes
  }

  it('drops every copy of users on any write to users', () => {
    expect(heard('update "users" set "role" = ? where "id" = ?')).toEqual([{ kind: 'user', key: '*' }])
    expect(heard('delete from "users" where "id" = ?')).toEqual([{ kind: 'user', key: '*' }])
  })

  it('drops session copies on a delete of sessions, and leaves single-session writes to their repository', () => {
    expect(heard(`delete from "sessions" where (data->>'userId')::int = ?`)).toEqual([{ kind: 'session', key: '*' }])
    expect(heard('update "sessions" set "expires_at" = ? where "sid" = ?')).toEqual([])
  })

  it('marks a data change for every table a view is made from, inside a statement with CTEs too', () => {
    expect(heard('insert into "moderations" ("level") values (?)')).toEqual([{ kind: 'data', key: 'moderations' }])
    const save = `with target as (select s.id from assessments s for update of s),
      written as (insert into answers (level) select ? from target on conflict (assessment_id) do update set level = ?),
      audited as (insert into audit_events (action) select ? from written) select 1`
    expect(heard(save)).toEqual([{ kind: 'data', key: 'answers' }])
  })

  it('hears nothing of reads, even ones that lock', () => {
    expect(heard('select * from "answers" where "assessment_id" = ? for update')).toEqual([])
    expect(heard('select "data" from "sessions" where "sid" = ?')).toEqual([])
  })

  it('counts data changes and is never live on its own, so nothing is kept on its word', () => {
    const feed = new ChangeFeed()
    feed.emit({ kind: 'data', key: 'rounds' })
    feed.emit({ kind: 'user', key: '1' })
    expect(feed.dataChanges).toBe(1)
    expect(feed.live).toBe(false)
  })
})

describe('announcing this process’s own committed writes', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }))
  afterEach(() => jest.useRealTimers())

  /** A send that holds each notification until the test lets it go, as a slow database would. */
  function slowSend() {
    const sent: string[][] = []
    const waiting: ((error?: Error) => void)[] = []
    const send = (payloads: string[]) => {
      sent.push(payloads)
      return new Promise<void>((resolve, reject) => waiting.push(error => (error ? reject(error) : resolve())))
    }
    const release = async (error?: Error) => {
      waiting.shift()?.(error)
      await new Promise(resolve => setImmediate(resolve))
    }
    return { sent, send, release }
  }

  it('gathers changes for 20 ms and sends them together, then what came meanwhile in the next', async () => {
    const { sent, send, release } = slowSend()
    const feed = new ChangeFeed(send)
    feed.announce({ kind: 'data', key: 'answers' })
    feed.announce({ kind: 'data', key: 'answers' })
    await jest.advanceTimersByTimeAsync(19)
    expect(sent).toEqual([])
    feed.announce({ kind: 'data', key: 'moderations' })
    await jest.advanceTimersByTimeAsync(1)
    expect(sent).toEqual([['data:answers', 'data:moderations']])
    // While that one is on its way, more changes wait for the next.
    feed.announce({ kind: 'data', key: 'answers' })
    await jest.advanceTimersByTimeAsync(100)
    expect(sent).toHaveLength(1)
    await release()
    await jest.advanceTimersByTimeAsync(20)
    expect(sent).toEqual([['data:answers', 'data:moderations'], ['data:answers']])
    await release()
    await feed.announced()
    expect(sent).toHaveLength(2)
  })

  it('tries again while the database is away, and sends nothing more once closed', async () => {
    const { sent, send, release } = slowSend()
    const feed = new ChangeFeed(send)
    feed.announce({ kind: 'data', key: 'answers' })
    await jest.advanceTimersByTimeAsync(20)
    await release(new Error('connection refused'))
    await jest.advanceTimersByTimeAsync(1_000)
    expect(sent).toEqual([['data:answers'], ['data:answers']])
    await release()
    await feed.close()
    feed.announce({ kind: 'data', key: 'rounds' })
    await jest.advanceTimersByTimeAsync(1_000)
    expect(sent).toHaveLength(2)
  })

  it('sends what is gathered at once when it closes', async () => {
    const { sent, send, release } = slowSend()
    const feed = new ChangeFeed(send)
    feed.announce({ kind: 'data', key: 'answers' })
    await jest.advanceTimersByTimeAsync(20)
    feed.announce({ kind: 'data', key: 'rounds' })
    const closed = feed.close()
    await release()
    await release()
    await closed
    expect(sent).toEqual([['data:answers'], ['data:rounds']])
  })

  it('is silent where no other process can hear (PGlite)', async () => {
    const feed = new ChangeFeed()
    feed.announce({ kind: 'data', key: 'answers' })
    await expect(feed.announced()).resolves.toBeUndefined()
  })
})
