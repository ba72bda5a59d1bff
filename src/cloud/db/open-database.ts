import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import { Pool } from 'pg'
import type { Db } from './db'
import * as schema from './schema'

/** Where the generated SQL migrations live; a bundler copying them elsewhere passes `migrationsFolder`. */
export const MIGRATIONS_FOLDER = join(__dirname, 'migrations')

/** Any stable 64-bit number: serialises migrations across processes opening the same PostgreSQL database. */
const MIGRATION_LOCK_KEY = 7_310_001

export interface OpenDatabaseOptions {
  /** PGlite data folder; omitted = in memory. Ignored when `url` is given. */
  dataDir?: string
  /** A PostgreSQL connection string; when present node-postgres is used instead of PGlite. */
  url?: string
  /** node-postgres pool size (default 10). */
  poolMax?: number
  migrationsFolder?: string
}

export interface OpenedDatabase {
  db: Db
  close(): Promise<void>
  kind: 'pglite' | 'postgres'
}

/** Opens PGlite or PostgreSQL and brings the schema up to date (idempotent). */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER
  return options.url ? openPostgres(options.url, options.poolMax ?? 10, migrationsFolder) : openPglite(options.dataDir, migrationsFolder)
}

async function openPglite(dataDir: string | undefined, migrationsFolder: string): Promise<OpenedDatabase> {
  // One process owns a PGlite folder (two silently lose writes): the gateway holds a lock file for that.
  const client = new PGlite(dataDir)
  const db = drizzlePglite(client, { schema })
  await migratePglite(db, { migrationsFolder })
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() }
}

async function openPostgres(url: string, poolMax: number, migrationsFolder: string): Promise<OpenedDatabase> {
  const pool = new Pool({ connectionString: url, max: poolMax })
  // An idle client erroring (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('postgres pool client error:', error.message))
  try {
    await migrateUnderLock(pool, migrationsFolder)
  } catch (error) {
    await pool.end()
    throw error
  }
  const db = drizzleNodePg(pool, { schema })
  return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() }
}

/**
 * drizzle's migrator takes no lock: two cloud-function instances starting together would both run
 * CREATE SCHEMA / the same migration. A session advisory lock on one connection makes them take turns;
 * the second finds everything applied and does nothing.
 */
async function migrateUnderLock(pool: Pool, migrationsFolder: string): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    try {
      await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder })
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
    }
  } finally {
    client.release()
  }
}
