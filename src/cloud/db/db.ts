import { fillPlaceholders, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm'
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core'
import { Client } from 'pg'
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

const dialect = new PgDialect()

/**
 * A hot statement: its SQL text is built once, here, and sent by name, so node-postgres has PostgreSQL parse
 * and plan it once per connection instead of on every call, and no query builder runs per call. `query` names
 * its parameters with `sql.placeholder('…')`; the returned function fills them in and runs the statement in the
 * caller's transaction (PGlite runs it the same way, unnamed). Names must be unique: one name, one text.
 */
export function preparedStatement<Row, Values extends Record<string, unknown>>(name: string, query: SQL): (tx: Tx, values: Values) => Promise<Row[]> {
  const built = dialect.sqlToQuery(query)
  return async (tx, values) => {
    // On node-postgres, straight to the transaction's connection: drizzle's prepared-query wrapper costs as much
    // CPU as a small query. Rows then carry pg's own types (timestamps as Date, not text): callers map both.
    const client = (tx._.session as unknown as { client?: unknown }).client
    if (client instanceof Client) {
      const result = await client.query<Row & object>({ name, text: built.sql, values: fillPlaceholders(built.params, values) })
      return result.rows
    }
    const result = await tx._.session.prepareQuery(built, undefined, name, false).execute(values)
    return (result as { rows: Row[] }).rows
  }
}
