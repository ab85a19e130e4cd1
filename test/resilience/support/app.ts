import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { startApp, stopApp, type DatabaseEnv } from '../../../scripts/bench/app-process'
import { waitForHealth } from '../../../scripts/bench/http'

const KEEP_OUTPUT = 20_000
const KEEP_FAILURES = 50
const HEAP_PROBE = path.join(__dirname, 'heap-probe.cjs')

/** What the app still holds after a full garbage collection (see heap-probe.cjs). */
export interface HeapAfterCollection {
  heapUsedMb: number
  externalMb: number
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** A free loopback port, found by asking the kernel for one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** One built app process on a fixed port, which can be killed and started again on the same port. */
export class AppProcess {
  private child: ChildProcess | undefined
  private output = ''
  private readonly failures: string[] = []
  private readonly heapWaiters: ((heap: HeapAfterCollection) => void)[] = []

  private constructor(
    private readonly database: DatabaseEnv,
    readonly port: number,
  ) {}

  static async start(database: DatabaseEnv): Promise<AppProcess> {
    const app = new AppProcess(database, await freePort())
    await app.start()
    return app
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get pid(): number {
    return this.child?.pid ?? 0
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
  }

  /** What went wrong inside the app: each 500 with its cause, then the tail of everything it printed. */
  get diagnosis(): string {
    return [`app on port ${this.port}, failed requests:`, ...this.failures, 'recent output:', this.output].join('\n')
  }

  async start(): Promise<void> {
    // Errors only: a 500 is logged with its cause ("request failed"); a 503 is a warning and is not.
    const child = startApp(this.database, this.port, {
      output: 'pipe',
      logLevel: 'error',
      nodeArgs: ['--expose-gc', '--require', HEAP_PROBE],
    })
    const keep = (data: Buffer) => {
      const chunk = data.toString()
      for (const match of chunk.matchAll(/^heap-probe (.*)$/gm))
        this.heapWaiters.shift()?.(JSON.parse(match[1] ?? '{}'))
      // The access log repeats every 5xx ("request completed") with no cause; the handler's line has the cause.
      const lines = chunk.split('\n').filter(line => !line.includes('"msg":"request completed"'))
      for (const line of lines) {
        if (line.includes('"request failed"') && this.failures.length < KEEP_FAILURES) this.failures.push(line)
      }
      this.output = (this.output + lines.join('\n')).slice(-KEEP_OUTPUT)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    this.child = child
    try {
      await waitForHealth(this.base, 60)
    } catch (error) {
      throw new Error(`${String(error)}\n${this.diagnosis}`, { cause: error })
    }
  }

  /** Collects garbage fully inside the app, then says what is still live there. */
  async heapAfterCollection(): Promise<HeapAfterCollection> {
    const said = new Promise<HeapAfterCollection>(resolve => this.heapWaiters.push(resolve))
    this.child?.kill('SIGUSR2')
    return said
  }

  /** SIGTERM (a clean stop) or SIGKILL (the process simply vanishes, as on an out-of-memory kill). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child) await stopApp(this.child, signal)
  }
}

/** Runs the assertions; if one fails, says what the apps logged before failing the test with it. */
export async function explained(apps: AppProcess[], assertions: () => void | Promise<void>): Promise<void> {
  try {
    await assertions()
  } catch (error) {
    process.stderr.write(`${apps.map(a => a.diagnosis).join('\n\n')}\n`)
    throw error
  }
}
