import type { PGlite } from '@electric-sql/pglite'
import type { Knex } from 'knex'
import pg from 'pg'

/** The channel the change triggers notify on (migration 20261129010000). */
export const CHANGE_CHANNEL = 'ldm_changes'

/**
 * One change another process (or this one) made: a session (by the MD5 of its id, so ids never travel),
 * a user (by id), or any row of a table the cross-borough views are made from.
 */
export type Change = { kind: 'session'; key: string } | { kind: 'user'; key: string } | { kind: 'data'; key: string }

export function parseChange(payload: string): Change | undefined {
  const colon = payload.indexOf(':')
  const kind = payload.slice(0, colon)
  const key = payload.slice(colon + 1)
  if (kind === 'session' || kind === 'user' || kind === 'data') return { kind, key }
  return undefined
}

/**
 * What this process hears of changes to the database, so it may keep copies of what it reads and know
 * when to drop them. A copy may be trusted only while the feed is `live` and its `deafness` count is
 * what it was when the copy was read: any moment the feed could have missed a change (not yet
 * connected, a dropped connection) counts one more. A change committed elsewhere is heard as soon as
 * PostgreSQL delivers its notification, typically well under a millisecond later.
 */
export class ChangeFeed {
  private listeners: ((change: Change) => void)[] = []
  private isLive = false
  private deafCount = 0
  private dataCount = 0
  private readonly queued = new Set<string>()
  private sending: Promise<void> | undefined
  private closing = false

  /** `send` notifies every process of some changes at once; without it (PGlite) no other process can hear. */
  constructor(private readonly send?: (payloads: string[]) => Promise<void>) {}

  get live(): boolean {
    return this.isLive
  }

  get deafness(): number {
    return this.deafCount
  }

  /** Counts changes heard to the tables the cross-borough views are made from (DATA_TABLES). */
  get dataChanges(): number {
    return this.dataCount
  }

  onChange(listener: (change: Change) => void): void {
    this.listeners.push(listener)
  }

  /** Also called for this process's own writes as they are sent, so it never waits to hear of them. */
  emit(change: Change): void {
    if (change.kind === 'data') this.dataCount++
    for (const listener of this.listeners) listener(change)
  }

  /**
   * Tells every other process of a change this one has committed with a statement that asked the
   * triggers not to (migration 20261130010000): notifying from inside a save made every save in the
   * cluster wait for the others' commits, one at a time. Changes are gathered for ANNOUNCE_GATHER_MS and
   * sent in one notification, one notification at a time: each wakes every process, and sending one per
   * save cost an eighth of the save rate. Call it only once the change has committed, or a listener could
   * look before it is there.
   */
  announce(change: Change): void {
    if (!this.send || this.closing) return
    this.queued.add(`${change.kind}:${change.key}`)
    this.sending ??= this.sendQueued()
  }

  /** Waits until every change announced so far has been sent, or given up on. */
  async announced(): Promise<void> {
    await this.sending
  }

  /** What is queued is sent once more, without waiting for a database that is away; then nothing is. */
  protected async stopAnnouncing(): Promise<void> {
    this.closing = true
    await this.sending
  }

  private async sendQueued(): Promise<void> {
    let failures = 0
    while (this.queued.size > 0 && this.send) {
      if (!this.closing) await new Promise(resolve => setTimeout(resolve, ANNOUNCE_GATHER_MS))
      const payloads = [...this.queued]
      this.queued.clear()
      try {
        await this.send(payloads)
        failures = 0
      } catch {
        // The database is away. Its listeners are then deaf too and will check afresh when they hear again;
        // try for a while, then leave the rest to the age limit on copies (see loadRoundResults).
        if (this.closing || ++failures > ANNOUNCE_ATTEMPTS) break
        for (const payload of payloads) this.queued.add(payload)
        await new Promise(resolve => setTimeout(resolve, ANNOUNCE_RETRY_MS))
      }
    }
    this.queued.clear()
    this.sending = undefined
  }

  protected hearing(): void {
    this.deafCount++
    this.isLive = true
  }

  protected deaf(): void {
    this.deafCount++
    this.isLive = false
  }

  /**
   * Writes this process sends are heard at once, before their transaction commits: dropping a copy early
   * is always safe, and waiting for the notification would let this process's next request see the old.
   */
  watchWrites(knex: Knex): void {
    knex.on('query', (query: { sql?: string }) => {
      const sql = query.sql ?? ''
      if (!STARTS_A_WRITE.test(sql)) return
      for (const [, verb = '', table = ''] of sql.matchAll(WRITES_TO)) {
        if (table === 'users') this.emit({ kind: 'user', key: '*' })
        // The session repository drops its own copies as it writes one session; a delete may be of many.
        else if (table === 'sessions' && verb.toLowerCase() === 'delete from') this.emit({ kind: 'session', key: '*' })
        else if (DATA_TABLES.has(table)) this.emit({ kind: 'data', key: table })
      }
    })
  }

  async close(): Promise<void> {
    this.deaf()
    await this.stopAnnouncing()
  }
}

/** How long changes are gathered before they are sent: another process shows a save about this much later. */
const ANNOUNCE_GATHER_MS = 20
const ANNOUNCE_ATTEMPTS = 20
const ANNOUNCE_RETRY_MS = 250

/**
 * Sends notifications through the pool. Nothing is written, so the commit need not wait for the disk,
 * and should not: every notifying transaction waits for the one before it to finish committing.
 */
export const announceThrough =
  (knex: Knex) =>
  async (payloads: string[]): Promise<void> => {
    await knex.raw(
      `select set_config('synchronous_commit', 'off', true), pg_notify('${CHANGE_CHANNEL}', payload) from unnest(?::text[]) payload`,
      [payloads],
    )
  }

const STARTS_A_WRITE = /^\s*(insert|update|delete|with)\b/i
const WRITES_TO = /(insert into|update|delete from)\s+"?(\w+)"?/gi
/** Tables whose every write a cross-borough view may depend on; the triggers cover the same ones. */
export const DATA_TABLES = new Set([
  'answers',
  'moderations',
  'assessments',
  'rounds',
  'organisations',
  'partnerships',
  'partnership_members',
])

/** Hears nothing, so nothing is ever kept: for tools and tests that open a database briefly. */
export const deafFeed = (): ChangeFeed => new ChangeFeed()

const RECONNECT_MS = [250, 500, 1_000, 2_000, 5_000]

/** A dedicated PostgreSQL connection that LISTENs, and reconnects by itself when it is dropped. */
export class PostgresChangeFeed extends ChangeFeed {
  private client: pg.Client | undefined
  private closed = false
  private attempt = 0
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly connectionString: string,
    send: (payloads: string[]) => Promise<void>,
  ) {
    super(send)
    this.connect()
  }

  private connect(): void {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 3_000 })
    this.client = client
    const lost = () => {
      if (this.client !== client) return
      this.client = undefined
      this.deaf()
      client.removeAllListeners()
      client.on('error', () => undefined)
      void client.end().catch(() => undefined)
      if (!this.closed) this.retry()
    }
    client.on('error', lost)
    client.on('end', lost)
    client.on('notification', message => {
      const change = parseChange(message.payload ?? '')
      if (change) this.emit(change)
    })
    client
      .connect()
      .then(() => client.query(`listen ${CHANGE_CHANNEL}`))
      .then(() => {
        if (this.client !== client) return
        this.attempt = 0
        this.hearing()
      })
      .catch(lost)
  }

  private retry(): void {
    const delay = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)] ?? 5_000
    this.timer = setTimeout(() => this.connect(), delay)
    this.timer.unref()
  }

  override async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.timer)
    await this.stopAnnouncing()
    const client = this.client
    this.client = undefined
    this.deaf()
    if (client) await client.end().catch(() => undefined)
  }
}

/** PGlite runs in this process: its notifications arrive as its queries finish. */
export class PgliteChangeFeed extends ChangeFeed {
  private unlisten: (() => Promise<void>) | undefined

  async start(pglite: PGlite): Promise<void> {
    this.unlisten = await pglite.listen(CHANGE_CHANNEL, payload => {
      const change = parseChange(payload)
      if (change) this.emit(change)
    })
    this.hearing()
  }

  override async close(): Promise<void> {
    this.deaf()
    await this.unlisten?.().catch(() => undefined)
  }
}
