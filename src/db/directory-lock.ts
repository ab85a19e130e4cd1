import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import lockfile from 'proper-lockfile'

/*
 * PGlite does not stop a second process from opening the same data directory, and two writers corrupt
 * it silently. The directory is locked with proper-lockfile for as long as it is open: `<dir>.lock` is a
 * directory (mkdir is atomic) whose mtime the holder refreshes every UPDATE_MS; one nobody has refreshed
 * for STALE_MS is stale (its holder was killed, or its machine or container restarted) and may be taken.
 *
 * proper-lockfile's own stale takeover is a stat, an rmdir and a mkdir, so a contender that saw the stale
 * lock, then paused, can rmdir the lock another has just made, and both hold it (node-proper-lockfile
 * issue #121). So every acquisition passes a short-lived gate first, a second proper-lockfile lock held
 * only for the milliseconds of deciding: at most one process decides at a time, and whoever comes after
 * the taker finds a fresh lock and is refused. The gate's own stale takeover has the same flaw, but two
 * contenders let in together still race only for a lock that is itself stale (creating one is a single
 * mkdir that one of them wins): it takes a holder killed, then an opener killed inside the gate's
 * milliseconds, then several more starting together.
 *
 * `<dir>.lock-holder.json` says who holds the lock, for the refusal message only: exclusion never trusts
 * it, because a pid proves nothing across containers (a restarted container's new process may have the
 * very pid of the old one) and a file can be read half-written.
 */

/**
 * PGlite runs queries synchronously on the main thread, so a busy process refreshes late. A stall of up to
 * STALE_MS - UPDATE_MS (25 s, far beyond any one query) costs nothing; a longer one matters only if another
 * opener arrives meanwhile and takes the lock, and then this process exits at its next refresh. A killed
 * holder's lock can be taken over STALE_MS after it last refreshed.
 */
export const STALE_MS = 30_000
const UPDATE_MS = 5_000
/** The gate is held for milliseconds; one left by a process killed while deciding lapses after this. */
const GATE_STALE_MS = 10_000
/** Contenders wait their turn at the gate, long enough for a dead process's gate to lapse. */
const GATE_RETRIES = { retries: 80, factor: 1.3, minTimeout: 5, maxTimeout: 400, randomize: true }

export interface LockHolder {
  pid: number
  hostname: string
  command: string
  since: string
}

export class DirectoryLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly holder: LockHolder | undefined,
    /** Undefined for a lock file an earlier version of the service left, which never lapses by itself. */
    readonly freeInSeconds: number | undefined,
  ) {
    const who = holder
      ? `pid ${holder.pid}${holder.command ? `, ${holder.command}` : ''}, on ${holder.hostname}, since ${holder.since}`
      : 'pid unknown: it has not said who it is'
    super(
      `The embedded database in ${directory} is already open in another process (${who}). ` +
        'Two processes writing it at once would corrupt it. Stop that process first (for example the running ' +
        'server), or set PGLITE_DIR to another folder, or use PostgreSQL through DATABASE_URL. ' +
        (freeInSeconds === undefined
          ? `If no process has it open, delete ${directory}.lock (left by an earlier version) and try again.`
          : 'If that process has stopped without letting go (killed, or its container restarted), ' +
            `try again in ${freeInSeconds} seconds.`),
    )
  }
}

export interface DirectoryLock {
  /** The lock directory, `<dir>.lock`. */
  readonly path: string
  release(): void
}

export interface LockOptions {
  /** Called if the lock is ever lost; by default the process says so and exits, so it stops writing. */
  onCompromised?: (error: Error) => void
}

export function lockPaths(directory: string) {
  const base = path.resolve(directory)
  return { lock: `${base}.lock`, gate: `${base}.lock-gate`, holder: `${base}.lock-holder.json` }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder> & { startedAt?: string }
    if (typeof holder.pid !== 'number') return undefined
    return {
      pid: holder.pid,
      hostname: holder.hostname ?? '?',
      command: holder.command ?? '',
      since: holder.since ?? holder.startedAt ?? '?',
    }
  } catch {
    return undefined
  }
}

function secondsUntilStale(lockPath: string, staleMs: number): number {
  const mtime = fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
  return Math.max(1, Math.ceil((mtime + staleMs - Date.now()) / 1000))
}

function stopWriting(directory: string) {
  return (error: Error): void => {
    process.stderr.write(
      `\nThe lock on the embedded database in ${directory} was lost (${error.message}): most likely this ` +
        `process was frozen for over ${STALE_MS / 1000} seconds and another has taken the directory over. ` +
        'Stopping now, so that two processes never write it at once.\n\n',
    )
    process.exit(1)
  }
}

function refusal(directory: string, lockPath: string, holderPath: string, staleMs: number, error: unknown) {
  const code = (error as NodeJS.ErrnoException).code
  // Earlier versions kept a lock *file* at <dir>.lock, with the holder inside and no refresh to go stale by.
  if (code === 'ENOTDIR') return new DirectoryLockedError(directory, readHolder(lockPath), undefined)
  if (code !== 'ELOCKED') return error
  const holder = readHolder(holderPath) ?? readHolder(lockPath)
  return new DirectoryLockedError(directory, holder, secondsUntilStale(lockPath, staleMs))
}

export async function lockDirectory(directory: string, options: LockOptions = {}): Promise<DirectoryLock> {
  const paths = lockPaths(directory)
  fs.mkdirSync(path.dirname(paths.lock), { recursive: true })
  const leaveGate = await lockfile
    .lock(paths.gate, {
      lockfilePath: paths.gate,
      realpath: false,
      stale: GATE_STALE_MS,
      retries: GATE_RETRIES,
      // Held for milliseconds; if it was ever taken from us, the main lock's own refresh still tells.
      onCompromised: () => undefined,
    })
    .catch((error: unknown) => {
      throw refusal(directory, paths.gate, paths.holder, GATE_STALE_MS, error)
    })
  try {
    // Inside the gate no one else decides, so proper-lockfile's takeover of a stale lock is safe here.
    await lockfile
      .lock(paths.lock, {
        lockfilePath: paths.lock,
        realpath: false,
        stale: STALE_MS,
        update: UPDATE_MS,
        onCompromised: options.onCompromised ?? stopWriting(directory),
      })
      .catch((error: unknown) => {
        throw refusal(directory, paths.lock, paths.holder, STALE_MS, error)
      })
    const me: LockHolder = {
      pid: process.pid,
      hostname: os.hostname(),
      command: process.argv
        .slice(1)
        .map(arg => path.basename(arg))
        .join(' '),
      since: new Date().toISOString(),
    }
    fs.writeFileSync(paths.holder, JSON.stringify(me))
    return holdUntilReleased(paths, me)
  } finally {
    await leaveGate().catch(() => undefined)
  }
}

function holdUntilReleased(paths: ReturnType<typeof lockPaths>, me: LockHolder): DirectoryLock {
  let released = false
  const release = (): void => {
    if (released) return
    released = true
    process.removeListener('exit', release)
    const holder = readHolder(paths.holder)
    if (holder?.pid === me.pid && holder.since === me.since) fs.rmSync(paths.holder, { force: true })
    try {
      // Refuses (and removes nothing) if the lock was lost to another process meanwhile.
      lockfile.unlockSync(paths.lock, { lockfilePath: paths.lock, realpath: false })
    } catch {
      // Already released or lost: nothing of ours to remove.
    }
  }
  // proper-lockfile also removes its locks on exit and on signals nobody else handles.
  process.on('exit', release)
  return { path: paths.lock, release }
}
