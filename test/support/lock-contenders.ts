import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '..', '..')

/**
 * Who contends: `ours` is src/db/directory-lock.ts; `plain` is proper-lockfile's own stale takeover with
 * no gate; `old` is a given source of an earlier lock module (a lock file beside the directory).
 */
export type ContenderKind = 'ours' | 'plain' | 'old'

// Each contender loads its lock, says "ready", waits for "go" so all try at the same instant, then says
// "held" (and holds until its stdin closes) or "refused <message>".
const CONTENDER = `
const [kind, modulePath, dir] = process.argv.slice(2)
const say = line => process.stdout.write(line.replace(/\\n/g, ' ') + '\\n')
const lockfile = require('proper-lockfile')
const lockModule = kind === 'plain' ? undefined : require(modulePath)
const take = kind === 'plain'
  ? () => lockfile.lock(dir, { lockfilePath: dir + '.lock', realpath: false, stale: 30000 }).then(release => ({ release }))
  : () => Promise.resolve().then(() => lockModule.lockDirectory(dir))
process.stdin.setEncoding('utf8')
process.stdin.once('data', () => {
  take().then(lock => {
    say('held')
    process.stdin.on('end', () => { lock.release(); process.exit(0) })
  }, error => { say('refused ' + error.message); process.exit(0) })
})
say('ready')
`

/** Compiles a lock module once into a folder children load it from with plain node (tsx per child is slow). */
export function compileLockModule(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldm-lock-module-'))
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  })
  fs.writeFileSync(path.join(dir, 'lock.js'), outputText)
  fs.writeFileSync(path.join(dir, 'contender.js'), CONTENDER)
  return dir
}

function lines(child: ChildProcessWithoutNullStreams): { next(): Promise<string> } {
  let buffered = ''
  const waiting: ((line: string) => void)[] = []
  const ready: string[] = []
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    let end
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, end)
      buffered = buffered.slice(end + 1)
      const resolve = waiting.shift()
      if (resolve) resolve(line)
      else ready.push(line)
    }
  })
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  // 'close', not 'exit': a child can exit before its last line has been read from the pipe, and a line
  // said just before exiting ("refused ...") would otherwise look like silence.
  child.on('close', () =>
    waiting.splice(0).forEach(resolve => resolve(`exited saying ${JSON.stringify(buffered)}, stderr ${errors}`)),
  )
  return {
    next: () => {
      const line = ready.shift()
      return line === undefined ? new Promise(resolve => waiting.push(resolve)) : Promise.resolve(line)
    },
  }
}

/** Starts `count` processes that all try to lock `dir` at once; resolves with what each said. */
export async function contend(moduleDir: string, kind: ContenderKind, dir: string, count: number): Promise<string[]> {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [path.join(moduleDir, 'contender.js'), kind, path.join(moduleDir, 'lock.js'), dir], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), NODE_OPTIONS: '' },
    }),
  )
  const outputs = children.map(lines)
  const exits = children.map(child => new Promise(resolve => child.on('close', resolve)))
  try {
    await Promise.all(outputs.map(async output => expect(await output.next()).toBe('ready')))
    children.forEach(child => child.stdin.write('go\n'))
    return await Promise.all(outputs.map(output => output.next()))
  } finally {
    children.forEach(child => child.stdin.end())
    await Promise.all(exits)
  }
}
