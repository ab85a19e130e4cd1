import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../../src/db/database'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ldm-user-cli-')), 'pglite')

function createUser(args: string[], input?: string) {
  return spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/create-user.ts', ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PGLITE_DIR: dataDir,
        DATABASE_URL: '',
        NODE_OPTIONS: '',
        DEMO_DATA: '',
        PUBLIC_URL: 'https://ldm.example.gov.uk/',
      },
      input,
      encoding: 'utf8',
      timeout: 120_000,
    },
  )
}

describe('npm run user:create', () => {
  it('creates the first admin of an empty database with a one-time link, and no demo accounts beside it', async () => {
    const result = createUser(['--email', 'First.Admin@council.gov.uk', '--role', 'admin', '--name', 'First Admin'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(
      /Created admin first\.admin@council\.gov\.uk\.\nSend them this link .*\n {2}https:\/\/ldm\.example\.gov\.uk\/invitations\/[A-Za-z0-9_-]{43}\n/,
    )
    const db = await openDatabase({ pgliteDir: dataDir })
    try {
      const users = await db.knex('users').select('email', 'role', 'password_hash')
      expect(users).toEqual([{ email: 'first.admin@council.gov.uk', role: 'admin', password_hash: null }])
    } finally {
      await db.close()
    }
  })

  it('takes a password from standard input, never from the command line', () => {
    const result = createUser(
      ['--email', 'second@council.gov.uk', '--role', 'analyst', '--password-stdin'],
      'a long enough passphrase\n',
    )
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('Created analyst second@council.gov.uk. They can sign in now.\n')
    const weak = createUser(['--email', 'third@council.gov.uk', '--role', 'analyst', '--password-stdin'], 'short\n')
    expect(weak.status).toBe(1)
    expect(weak.stderr).toContain('password: Password must be 12 characters or more')
  })

  it('refuses a respondent without an organisation, a duplicate, and an unknown argument, with the reason', () => {
    expect(createUser(['--email', 'r@council.gov.uk', '--role', 'respondent']).stderr).toContain(
      'organisation: Select the organisation this respondent belongs to',
    )
    expect(createUser(['--email', 'second@council.gov.uk', '--role', 'admin']).stderr).toContain(
      'email: A user with this email address already exists',
    )
    const bad = createUser(['--password', 'oops'])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('Unexpected argument "--password"')
  })
})
