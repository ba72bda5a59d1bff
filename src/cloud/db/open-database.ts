import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import { Pool } from 'pg'
import type { Db } from './db'
import { survivePoolErrors } from './pool-errors'
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
  // Loaded lazily: deployed cloud functions use PostgreSQL and do not ship PGlite at all.
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  // One process owns a PGlite folder (two silently lose writes): the gateway holds a lock file for that.
  const client = new PGlite({ dataDir, ...(await pgliteAssets()) })
  const db = drizzle(client, { schema })
  try {
    await migrate(db, { migrationsFolder })
  } catch (error) {
    await client.close()
    throw error
  }
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() }
}

let assets: Promise<{ wasmModule: WebAssembly.Module; fsBundle: Blob }> | undefined
/**
 * PGlite loads its WASM and file-system bundle with a dynamic `import('fs/promises')`, which jest's VM refuses
 * without --experimental-vm-modules. Handing them over read here avoids that everywhere, and compiling the
 * module once per process makes every later open cheaper.
 */
function pgliteAssets(): Promise<{ wasmModule: WebAssembly.Module; fsBundle: Blob }> {
  if (!assets) {
    const distDir = dirname(createRequire(__filename).resolve('@electric-sql/pglite'))
    assets = WebAssembly.compile(readFileSync(join(distDir, 'pglite.wasm'))).then((wasmModule) => ({
      wasmModule,
      fsBundle: new Blob([readFileSync(join(distDir, 'pglite.data'))]),
    }))
  }
  return assets
}

async function openPostgres(url: string, poolMax: number, migrationsFolder: string): Promise<OpenedDatabase> {
  const pool = new Pool({ connectionString: url, max: poolMax, keepAlive: true })
  // A connection lost mid-transaction or while idle must not crash the process; the next call reconnects.
  survivePoolErrors(pool)
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
