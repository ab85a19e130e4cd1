import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'

/**
 * Migrations by name without their extension. Knex records a migration under its file name, so a
 * database migrated from source (`.ts`, by the CLI and `npm run dev`) looked corrupt to the built
 * server (`.js`, `npm start`), which refused to start. One name for both fixes that for good.
 */
export class MigrationFolder implements Knex.MigrationSource<string> {
  constructor(
    private readonly directory: string,
    private readonly extension: '.ts' | '.js',
  ) {}

  getMigrations(): Promise<string[]> {
    const files = readdirSync(this.directory)
      .filter(f => f.endsWith(this.extension) && !f.endsWith('.d.ts'))
      .sort()
    return Promise.resolve(files)
  }

  getMigrationName(file: string): string {
    return path.basename(file, this.extension)
  }

  getMigration(file: string): Promise<Knex.Migration> {
    // Migrations are our own files, loaded the way the running code is (compiled or through tsx).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return Promise.resolve(require(path.join(this.directory, file)) as Knex.Migration)
  }
}

/** Renames migrations a database recorded with an extension, so it matches MigrationFolder's names. */
export async function normaliseMigrationNames(knex: Knex, tableName: string): Promise<void> {
  if (!(await knex.schema.hasTable(tableName))) return
  await knex(tableName)
    .where('name', 'like', '%.ts')
    .orWhere('name', 'like', '%.js')
    .update({ name: knex.raw("regexp_replace(name, '\\.(ts|js)$', '')") })
}
