import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * PGlite does not stop a second process from opening the same data directory, and two writers
 * corrupt it silently. We hold a lock file beside the directory for as long as it is open.
 */
export class DirectoryLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${directory} is already open in another process ` +
        `(pid ${holder.pid}${holder.command ? `, ${holder.command}` : ''}, since ${holder.startedAt}). ` +
        'Two processes writing it at once would corrupt it. Stop that process first (for example the running ' +
        'server), or set PGLITE_DIR to another folder, or use PostgreSQL through DATABASE_URL.',
    )
  }
}

export interface LockHolder {
  pid: number
  hostname: string
  startedAt: string
  command?: string
}

export interface DirectoryLock {
  readonly file: string
  release(): void
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder
  } catch {
    return undefined
  }
}

function isStale(holder: LockHolder | undefined): boolean {
  // An unreadable lock is one a process died while writing; a dead pid on this host left it behind.
  if (holder === undefined) return true
  return holder.hostname === os.hostname() && holder.pid !== process.pid && !isAlive(holder.pid)
}

export function lockDirectory(directory: string): DirectoryLock {
  fs.mkdirSync(path.dirname(directory), { recursive: true })
  const file = `${directory.replace(/[/\\]+$/, '')}.lock`
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv
      .slice(1)
      .map(arg => path.basename(arg))
      .join(' '),
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600)
      fs.writeSync(fd, JSON.stringify(me))
      fs.closeSync(fd)
      let released = false
      const releaseOnExit = (): void => release()
      const release = (): void => {
        if (released) return
        released = true
        process.removeListener('exit', releaseOnExit)
        if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true })
      }
      process.on('exit', releaseOnExit)
      return { file, release }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readHolder(file)
      if (attempt === 0 && isStale(holder)) {
        fs.rmSync(file, { force: true })
        continue
      }
      throw new DirectoryLockedError(directory, holder ?? { pid: 0, hostname: '?', startedAt: 'unknown' })
    }
  }
  /* istanbul ignore next: the loop either returns or throws */
  throw new Error('unreachable')
}
