import { standardSeeds } from '../../../seeds/standards'
import schema from '../../domain/estate/standard.schema.json'
import type { Download } from '../admin/questionnaires/definition-downloads'

const JSON_TYPE = 'application/json; charset=utf-8'

/** A shipped standard, which passes every check: the shape of a new one, with real points to follow. */
export function standardExample(): Download {
  const shipped = standardSeeds().find(s => s.file.startsWith('local-government')) ?? standardSeeds()[0]
  return { filename: 'standard-example.json', contentType: JSON_TYPE, body: shipped?.text ?? '{}\n' }
}

/** The JSON Schema (2020-12) every upload is checked against, before the rules a schema cannot say. */
export const standardSchema = (): Download => ({
  filename: 'standard.schema.json',
  contentType: JSON_TYPE,
  body: `${JSON.stringify(schema, null, 2)}\n`,
})
