import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../../src/db/database'
import { validDefinition } from '../../support/definitions'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ldm-cli-'))
const dataDir = path.join(work, 'pglite')

// The command line runs on the embedded database in a folder of its own, whichever engine the suite uses.
function runImport(...args: string[]) {
  return spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/import-questionnaire.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: '', NODE_OPTIONS: '', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  )
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(work, name)
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

async function storedVersions(): Promise<string[]> {
  const db = await openDatabase({ pgliteDir: dataDir })
  try {
    const rows = await db
      .knex('questionnaire_versions')
      .select('questionnaire_key', 'version', 'status')
      .orderBy(['questionnaire_key', 'version'])
    return rows.map(r => `${r.questionnaire_key} v${r.version} ${r.status}`)
  } finally {
    await db.close()
  }
}

describe('npm run questionnaire:import', () => {
  it('prints every error in plain words with its pointer, exits non-zero and stores nothing for an invalid file', async () => {
    const broken = validDefinition({ key: 'cli-test', weakThreshold: 0 })
    delete broken.title
    broken.dimensions[1].key = 'data'
    const result = runImport(writeJson('broken.json', broken))
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('is not a valid questionnaire definition; nothing was stored')
    expect(result.stderr).toContain(
      '  Questionnaire: weakThreshold must be 1 or more\n    (JSON pointer /weakThreshold)\n',
    )
    expect(result.stderr).toContain('  Questionnaire: title is missing\n    (JSON pointer /title)\n')
    expect(result.stderr).toContain('  Dimension 2: key “data” is already used by dimension 1\n')
    expect(await storedVersions()).not.toContainEqual(expect.stringContaining('cli-test'))
  })

  it('names a limit broken, says checking stopped there, and stores nothing', async () => {
    const hostile = { ...validDefinition({ key: 'cli-hostile' }), dimensions: Array(40_000).fill({ title: 'dimens' }) }
    const result = runImport(writeJson('hostile.json', hostile))
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      'Questionnaire: dimensions has 40,000 items: a questionnaire may hold at most 20 dimensions',
    )
    expect(result.stderr).toContain('Checking stopped at the problems above, so there may be others')
    expect(result.stderr).toContain('at least 1 problem found')
    expect(await storedVersions()).not.toContainEqual(expect.stringContaining('cli-hostile'))
  })

  it('refuses malformed JSON the same way', () => {
    const result = runImport(writeJson('bad.json', '{ "key": '))
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/ {2}The definition is not valid JSON/)
  })

  it('stores a valid file as a draft, or publishes it, and says which', async () => {
    const draft = runImport(writeJson('good.json', validDefinition({ key: 'cli-test' })))
    expect(draft.stderr).toBe('')
    expect(draft.status).toBe(0)
    expect(draft.stdout).toBe('cli-test version 1 stored as a draft\n')
    const published = runImport(writeJson('good2.json', validDefinition({ key: 'cli-test', version: 2 })), '--publish')
    expect(published.stdout).toBe('cli-test version 2 published\n')
    expect(await storedVersions()).toEqual(expect.arrayContaining(['cli-test v1 draft', 'cli-test v2 published']))
  })

  it('imports the shipped version 3 over its version 2, checking its keyMap against what is stored', async () => {
    const shipped = (v: number) =>
      JSON.parse(
        fs.readFileSync(path.join(ROOT, `seeds/data/questionnaires/london-digital-maturity.v${v}.json`), 'utf8'),
      )
    const { supersedes: _v1, ...v2 } = { ...shipped(2), key: 'cli-v3' }
    expect(runImport(writeJson('v2.json', v2), '--publish').stdout).toBe('cli-v3 version 2 published\n')
    const v3 = runImport(writeJson('v3.json', { ...shipped(3), key: 'cli-v3' }), '--publish')
    expect(v3.stderr).toBe('')
    expect(v3.stdout).toBe('cli-v3 version 3 published\n')
    expect(await storedVersions()).toEqual(expect.arrayContaining(['cli-v3 v2 published', 'cli-v3 v3 published']))
  })

  it('refuses to change a published version', () => {
    const result = runImport(
      writeJson('again.json', validDefinition({ key: 'cli-test', version: 2, title: 'Changed' })),
    )
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('is published and can never change')
  })

  it('explains how to call it', () => {
    const result = runImport()
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Usage: npm run questionnaire:import -- FILE [--publish]')
  })
})
