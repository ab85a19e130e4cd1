import { ConfigError } from '../config'
import { DirectoryLockedError } from '../db/directory-lock'
import { ValidationError } from '../domain/errors'

/** Runs a command-line task: clear messages for the errors a person can fix, exit code 1 on any failure. */
export function runCli(task: () => Promise<void>): void {
  task().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ValidationError) {
        process.stderr.write(`${error.errors.map(e => `${e.field}: ${e.message}`).join('\n')}\n`)
      } else if (error instanceof ConfigError || error instanceof DirectoryLockedError || error instanceof UsageError) {
        process.stderr.write(`${error.message}\n`)
      } else {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      }
      process.exit(1)
    },
  )
}

export class UsageError extends Error {}

/** Parses `--name value` pairs and bare `--flag`s; anything unknown is a usage error. */
export function parseArgs(argv: string[], known: { values: string[]; flags: string[] }, usage: string) {
  const values: Record<string, string> = {}
  const flags = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const name = arg.replace(/^--/, '')
    if (known.flags.includes(name)) flags.add(name)
    else if (known.values.includes(name) && argv[i + 1] !== undefined) values[name] = argv[++i] ?? ''
    else throw new UsageError(`Unexpected argument "${arg}".\n${usage}`)
  }
  return { values, flags }
}
