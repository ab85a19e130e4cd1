import fs from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { Response } from 'supertest'

interface Operation {
  'x-roles': string | string[]
  security: Record<string, string[]>[]
  parameters?: { name: string; in: string }[]
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
  components: { responses: Record<string, { content?: Record<string, unknown> }> }
}

export const openapi = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'),
) as OpenApiDocument

/** `/api/v1/assessments/:id` as OpenAPI writes it: `/api/v1/assessments/{id}`. */
export const templated = (expressPath: string): string => expressPath.replace(/:(\w+)/g, '{$1}')

const pointer = (...parts: string[]): string =>
  parts.map(p => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')

// Strict, so a misspelt keyword in the document is an error rather than a schema that accepts anything.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
addFormats(ajv)
// The document's own members are OpenAPI, not JSON Schema: named here so strict mode passes over them only.
ajv.addVocabulary(['openapi', 'info', 'servers', 'tags', 'paths', 'components'])
ajv.addSchema(openapi, 'openapi.json')

/** Where the documented JSON body for one status of one operation lives, following a shared response. */
export function responseSchemaPointer(method: string, path: string, status: number): string | undefined {
  const documented = openapi.paths[path]?.[method]?.responses[String(status)]
  if (!documented) return undefined
  const shared = documented.$ref?.replace('#/components/responses/', '')
  if (shared !== undefined) return pointer('components', 'responses', shared, 'content', 'application/json', 'schema')
  return pointer('paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema')
}

/** The problems with a real response against its documented schema: none means it is as documented. */
export function undocumented(method: string, path: string, response: Response): unknown[] {
  const at = responseSchemaPointer(method, path, response.status)
  if (!at) return [`${method.toUpperCase()} ${path} does not document status ${response.status}`]
  if (!/^application\/json/.test(String(response.headers['content-type']))) return ['the response is not JSON']
  const validate = ajv.getSchema(`openapi.json#${at}`)
  if (!validate) return [`no schema at ${at}`]
  return validate(response.body) ? [] : (validate.errors ?? [])
}
