import fs from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../src/project-root'
import type { SeedDocument } from './questionnaires'

/** The standards every environment starts with, published: reference data, not demo data. */
export function standardSeeds(): SeedDocument[] {
  const dir = path.join(PROJECT_ROOT, 'seeds', 'data', 'standards')
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .sort()
    .map(file => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }))
}
