import type { ExtractTablesWithRelations } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type * as schema from './schema'

type Schema = typeof schema

/** The database handle the app passes around: PGlite and node-postgres look the same from here on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>

/** A transaction; repositories take this, so every write happens inside a use case's transaction. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>

/** Rows of a raw `tx.execute(sql…)`: PGlite and node-postgres both answer `{ rows }`; drizzle types it loosely. */
export async function executeRows<T>(query: PromiseLike<unknown>): Promise<T[]> {
  return ((await query) as { rows: T[] }).rows
}
