import type { Knex } from 'knex'

/**
 * Sessions are written by every request a browser makes (that is how a session stays alive), so they
 * never count as something a refused request wrote.
 */
const ALWAYS_WRITTEN = ['sessions']

let tables: string[] | undefined

async function tablesOf(knex: Knex): Promise<string[]> {
  tables ??= (
    await knex('information_schema.tables')
      .where({ table_schema: knex.raw('current_schema()'), table_type: 'BASE TABLE' })
      .andWhereNot('table_name', 'like', 'knex_%')
      .orderBy('table_name')
      .select<{ table_name: string }[]>('table_name')
  ).map(r => r.table_name)
  return tables
}

/**
 * Every table's row count and a hash of its every row, in one query: two fingerprints are equal exactly
 * when nothing was inserted, changed or deleted in between. `except` names tables a request may write to.
 */
export async function fingerprint(knex: Knex, except: readonly string[] = []): Promise<Record<string, string>> {
  const skip = new Set([...ALWAYS_WRITTEN, ...except])
  const names = (await tablesOf(knex)).filter(name => !skip.has(name))
  const sql = names
    .map(
      name =>
        `select '${name}' as name, count(*)::int as n, ` +
        `md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`,
    )
    .join(' union all ')
  const result = await knex.raw<{ rows: { name: string; n: number; h: string }[] }>(sql)
  return Object.fromEntries(result.rows.map(r => [r.name, `${r.n} rows, ${r.h}`]))
}
