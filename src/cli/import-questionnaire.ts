import fs from 'node:fs'
import { bootstrap } from '../bootstrap'
import { loadConfig } from '../config'
import { ConflictError } from '../domain/errors'
import { DefinitionInvalidError } from '../services/admin/questionnaire.service'
import { MAX_DEFINITION_BYTES } from '../domain/questionnaire/limits'
import { unlistedProblems } from '../domain/questionnaire/validation-result'
import { runCli, UsageError } from './run-cli'

const USAGE = 'Usage: npm run questionnaire:import -- FILE [--publish]'

runCli(async () => {
  const args = process.argv.slice(2)
  const publish = args.includes('--publish')
  const files = args.filter(a => a !== '--publish')
  const file = files[0]
  if (files.length !== 1 || !file || file.startsWith('--')) throw new UsageError(USAGE)
  if (!fs.existsSync(file)) throw new UsageError(`There is no file at ${file}`)
  if (fs.statSync(file).size > MAX_DEFINITION_BYTES)
    throw new UsageError(`${file} is larger than the 1 MB a definition may be`)
  const text = fs.readFileSync(file, 'utf8')

  const config = loadConfig()
  const runtime = await bootstrap({ ...config, demoData: false })
  try {
    const stored = await runtime.services.questionnaires.upload(runtime.services.questionnaires.parse(text), null)
    if (publish) await runtime.services.questionnaires.publish(stored.key, stored.version, null)
    process.stdout.write(
      `${stored.key} version ${stored.version} ${publish ? 'published' : stored.replaced ? 'stored as a draft (replacing the earlier draft)' : 'stored as a draft'}\n`,
    )
  } catch (error) {
    if (error instanceof DefinitionInvalidError) {
      process.stderr.write(`${file} is not a valid questionnaire definition; nothing was stored.\n`)
      for (const e of error.errors)
        process.stderr.write(`  ${e.message}\n${e.pointer === '' ? '' : `    (JSON pointer ${e.pointer})\n`}`)
      const more = unlistedProblems(error.unlisted)
      if (more) process.stderr.write(`  ${more}\n`)
      throw new UsageError(error.message.replace(/^The definition has /, '').concat(' found'))
    }
    if (error instanceof ConflictError) throw new UsageError(`${error.message} Nothing was stored.`)
    throw error
  } finally {
    await runtime.database.close()
  }
})
