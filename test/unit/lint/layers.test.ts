// The layers and sizes in eslint.config.mjs. Each case lints code the way `npm run lint` would, as if it
// were a file at `filePath`, and proves that breaking a rule fails the lint and that keeping it does not.
import path from 'node:path'
import type { ESLint as ESLintType } from 'eslint'

const root = path.resolve(__dirname, '../../..')
// A fixture lives only in memory; the type-aware parser refuses files outside the TypeScript project, and none of the
// rules checked here needs types, so type-aware linting is switched off for fixtures alone.
const FIXTURE = '__lint_fixture__.ts'

let eslint: ESLintType

beforeAll(async () => {
  const { ESLint } = await import('eslint')
  const { default: tseslint } = await import('typescript-eslint')
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: path.join(root, 'eslint.config.mjs'),
    overrideConfig: [{ files: [`**/${FIXTURE}`], ...tseslint.configs.disableTypeChecked }],
  })
}, 120000)

async function problems(folder: string, code: string, ruleId: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, folder, FIXTURE) })
  const fatal = result!.messages.filter(m => m.fatal)
  expect(fatal).toEqual([])
  return result!.messages.filter(m => m.ruleId === ruleId).map(m => ({ line: m.line, message: m.message }))
}

const layer = 'no-restricted-imports'
// The import under test is always on line 1; the export keeps it used.
const importing = (statement: string) => `${statement}\nexport const used = 1\n`

type Case = [folder: string, statement: string]

const broken: Record<string, Case[]> = {
  '1. src/domain imports only src/domain and pure libraries': [
    ['src/domain', "import { paths } from '../paths'"],
    ['src/domain', "import { findAssessment } from '../data/assessment.repository'"],
    ['src/domain/pipeline', "import { createDatabase } from '../../db/database'"],
    ['src/domain/pipeline', "import type { AssessmentService } from '../../services/assessments'"],
    ['src/domain/pipeline', "export { paths } from '../../paths'"],
    ['src/domain/pipeline', "import * as src from '../..'"],
    ['src/domain', "import type { Request } from 'express'"],
    ['src/domain', "import type { Knex } from 'knex'"],
    ['src/domain', "import { Pool } from 'pg'"],
    ['src/domain', "import { PGlite } from '@electric-sql/pglite'"],
    ['src/domain', "import ejs from 'ejs'"],
    ['src/domain/questionnaire', "import { readFileSync } from 'node:fs'"],
  ],
  '2. src/routes imports no repository, database or knex': [
    ['src/routes/assessments', "import { findAssessment } from '../../data/assessment.repository'"],
    ['src/routes/assessments', "import type { Repositories } from '../../data'"],
    ['src/routes/admin', "import { createDatabase } from '../../db/database'"],
    ['src/routes', "import { findAssessment } from '../data/assessment.repository'"],
    ['src/routes', "import { lock } from '../db/directory-lock'"],
    ['src/routes/api', "import type { Knex } from 'knex'"],
  ],
  '3. src/middleware imports nothing from src/routes or src/data': [
    ['src/middleware', "import { routeTable } from '../routes/route-table'"],
    ['src/middleware', "import type { Router } from '../routes'"],
    ['src/middleware', "import { userRepository } from '../data/user.repository'"],
  ],
  '7. src/services imports no route, presenter, middleware or Express': [
    ['src/services/assessments', "import { paths } from '../../routes/route-table'"],
    ['src/services/insights', "import { heatmapView } from '../../presenters/insights/heatmap.presenter'"],
    ['src/services', "import { HttpError } from '../middleware/http-error'"],
    ['src/services/account', "import type { Request } from 'express'"],
  ],
  '4. src/data imports no service, route, presenter or middleware': [
    ['src/data', "import { clock } from '../services/clock'"],
    ['src/data', "import type { AssessmentService } from '../services/assessments/assessment.service'"],
    ['src/data', "import { param } from '../routes/params'"],
    ['src/data', "import { scores } from '../presenters/scores'"],
    ['src/data', "import { HttpError } from '../middleware/http-error'"],
  ],
  '5. src/presenters imports no route, repository, database or middleware': [
    ['src/presenters/insights', "import { param } from '../../routes/params'"],
    ['src/presenters/insights', "import type { Row } from '../../data/assessment.repository'"],
    ['src/presenters/insights', "import { createDatabase } from '../../db/database'"],
    ['src/presenters', "import { HttpError } from '../middleware/http-error'"],
  ],
  '6. only src/data, src/db, src/cli, migrations, seeds, scripts and tests import knex': [
    ['src/services/assessments', "import type { Knex } from 'knex'"],
    ['src/services', "import knex from 'knex'"],
    ['src', "import type { Knex } from 'knex'"],
    ['src/middleware', "import type { Knex } from 'knex'"],
    ['src/presenters', "import type { Knex } from 'knex'"],
  ],
}

const kept: Record<string, Case[]> = {
  '1. src/domain imports only src/domain and pure libraries': [
    ['src/domain', "import { DomainError } from './errors'"],
    ['src/domain/pipeline', "import { DomainError } from '../errors'"],
    ['src/domain/pipeline', "import type { Entry } from './entry'"],
    ['src/domain/questionnaire', "import Ajv from 'ajv/dist/2020'"],
    ['src/domain/questionnaire', "import addFormats from 'ajv-formats'"],
    ['src/domain/questionnaire', "import type { ErrorObject } from 'ajv'"],
    ['src/domain/pipeline', "import { parse } from 'csv-parse/sync'"],
    ['src/domain/pipeline', "import { stringify } from 'csv-stringify/sync'"],
  ],
  '2. src/routes imports no repository, database or knex': [
    ['src/routes/assessments', "import { assessmentService } from '../../services/assessments'"],
    ['src/routes/assessments', "import { paths } from '../../paths'"],
    ['src/routes/assessments', "import { scores } from '../../presenters/scores'"],
    ['src/routes/assessments', "import { requireAccess } from '../../middleware/require-access'"],
    ['src/routes/assessments', "import { kept } from '../kept-bodies'"],
    ['src/routes', "import { services } from '../services'"],
  ],
  '3. src/middleware imports nothing from src/routes or src/data': [
    ['src/middleware', "import { paths } from '../paths'"],
    ['src/middleware', "import { services } from '../services'"],
    ['src/middleware', "import { HttpError } from './http-error'"],
  ],
  '7. src/services imports no route, presenter, middleware or Express': [
    ['src/services/assessments', "import { score } from '../../domain/scoring'"],
    ['src/services/assessments', "import type { Repositories } from '../../data'"],
    ['src/services/assessments', "import { paths } from '../../paths'"],
    ['src/services', "import type { Clock } from './clock'"],
  ],
  '4. src/data imports no service, route, presenter or middleware': [
    ['src/data', "import { scoring } from '../domain/scoring'"],
    ['src/data', "import { createDatabase } from '../db/database'"],
    ['src/data', "import type { Knex } from 'knex'"],
  ],
  '5. src/presenters imports no route, repository, database or middleware': [
    ['src/presenters/insights', "import { paths } from '../../paths'"],
    ['src/presenters/insights', "import { heatmap } from '../../domain/insights/heatmap'"],
    ['src/presenters/insights', "import { scores } from '../scores'"],
  ],
  '6. only src/data, src/db, src/cli, migrations, seeds, scripts and tests import knex': [
    ['src/data', "import type { Knex } from 'knex'"],
    ['src/db', "import knex from 'knex'"],
    ['src/cli', "import knex from 'knex'"],
    ['migrations', "import type { Knex } from 'knex'"],
    ['seeds', "import type { Knex } from 'knex'"],
    ['scripts/bench', "import knex from 'knex'"],
    ['test/unit', "import knex from 'knex'"],
  ],
}

describe.each(Object.keys(broken))('%s', rule => {
  it.each(broken[rule]!)('fails the lint: %s/… with %s', async (folder, statement) => {
    const found = await problems(folder, importing(statement), layer)
    expect(found).toEqual([{ line: 1, message: expect.stringMatching(/instead/) }])
  })

  it.each(kept[rule]!)('passes the lint: %s/… with %s', async (folder, statement) => {
    expect(await problems(folder, importing(statement), layer)).toEqual([])
  })
})

describe('sizes in src', () => {
  const file = (lines: number) =>
    Array.from({ length: lines }, (_, i) => `export const line${i} = ${i}`).join('\n') + '\n'
  const fn = (lines: number) =>
    [
      'export function long(): number {',
      '  let n = 0',
      ...Array.from({ length: lines - 4 }, () => '  n += 1'),
      '  return n',
      '}',
    ].join('\n') + '\n'

  it('fails a file of 301 lines', async () => {
    expect(await problems('src/services', file(301), 'max-lines')).toHaveLength(1)
  })

  it('passes a file of 300 lines', async () => {
    expect(await problems('src/services', file(300), 'max-lines')).toEqual([])
  })

  it('fails a function of 81 lines', async () => {
    expect(await problems('src/domain', fn(81), 'max-lines-per-function')).toEqual([
      { line: 1, message: expect.stringContaining('(81)') },
    ])
  })

  it('passes a function of 80 lines', async () => {
    expect(await problems('src/domain', fn(80), 'max-lines-per-function')).toEqual([])
  })
})
