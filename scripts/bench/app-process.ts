import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')

/** How the app reaches its database: a PostgreSQL URL or a PGlite directory. */
export interface DatabaseEnv {
  DATABASE_URL?: string
  PGLITE_DIR?: string
}

export interface StartOptions {
  /** 'pipe' hands the caller the app's log (stdout) and stderr; by default stderr is shared and the log dropped. */
  output?: 'inherit' | 'pipe'
  logLevel?: string
  /** Node.js options placed before the script, such as a test's --require probe. */
  nodeArgs?: string[]
}

/**
 * The built app (dist/src/server.js) in its own process, as it runs in production: the bench and the
 * resilience suite both start it this way.
 */
export function startApp(database: DatabaseEnv, port: number, options: StartOptions = {}): ChildProcess {
  const env = {
    ...process.env,
    ...database,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_DATA: '0',
    LOG_LEVEL: options.logLevel ?? 'silent',
    // Production settings where the engine allows them; PGlite is refused in production by design.
    NODE_ENV: database.DATABASE_URL ? 'production' : 'test',
    SESSION_SECRET: 'bench-session-secret-bench-session-secret',
    TRUST_PROXY: '1',
    // Required in production: the address links sent to people are built on.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  }
  if (!database.DATABASE_URL) delete env.DATABASE_URL
  return spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, 'dist/src/server.js')], {
    env,
    stdio: ['ignore', options.output === 'pipe' ? 'pipe' : 'ignore', options.output ?? 'inherit'],
  })
}

/** SIGTERM, as a process manager stops it, and wait until it has gone. */
export async function stopApp(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise(resolve => child.once('exit', resolve))
  child.kill(signal)
  await exited
}
