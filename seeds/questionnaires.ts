import fs from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../src/project-root'

export interface SeedDocument {
  file: string
  text: string
}

/** The published questionnaires every environment starts with, oldest version first. */
export function questionnaireSeeds(): SeedDocument[] {
  const dir = path.join(PROJECT_ROOT, 'seeds', 'data', 'questionnaires')
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map(file => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }))
}

/** Errata shipped with the questionnaires above: questions that kept their key but ask something else. */
export function questionnaireErrataSeeds(): { key: string; version: number; question: string; reason: string }[] {
  const file = path.join(PROJECT_ROOT, 'seeds', 'data', 'questionnaire-errata.json')
  if (!fs.existsSync(file)) return []
  return JSON.parse(fs.readFileSync(file, 'utf8')) as {
    key: string
    version: number
    question: string
    reason: string
  }[]
}

/** A small definition that passes every check, offered to admins to start from; never seeded. */
export function questionnaireExampleText(): string {
  return fs.readFileSync(path.join(PROJECT_ROOT, 'seeds', 'data', 'questionnaire-example.json'), 'utf8')
}
