import { openDatabase, type OpenedDatabase } from '../../src/cloud/db'
import { createDatabase, databaseUrlFor, dropDatabase, TEMPLATE_ENV, uniqueDatabaseName } from './pg-admin'
import { openPgliteSnapshot, SNAPSHOT_ENV } from './pglite-snapshot'

/**
 * A database of its own for one test file, copied from what global setup prepared once per run (migrated, and
 * with `seeded` the demo data too): PostgreSQL when DATABASE_URL is set (CREATE DATABASE … TEMPLATE, ~0.1 s),
 * otherwise an in-memory PGlite loaded from a dump. `seeded` data was encrypted with testConfig()'s key.
 */
export async function openTestDatabase(options: { poolMax?: number; seeded?: boolean } = {}): Promise<OpenedDatabase & { seeded: boolean }> {
  const seeded = options.seeded ?? false
  const baseUrl = process.env.DATABASE_URL
  if (!baseUrl) {
    const snapshot = process.env[seeded ? SNAPSHOT_ENV.seeded : SNAPSHOT_ENV.migrated]
    // Without global setup (a file run by some other config): a fresh database, which the caller seeds.
    if (!snapshot) return { ...(await openDatabase({})), seeded: false }
    return { ...(await openPgliteSnapshot(snapshot)), seeded }
  }
  const template = process.env[TEMPLATE_ENV]
  if (!template) throw new Error(`DATABASE_URL is set but ${TEMPLATE_ENV} is not: run through jest (pg-global-setup.ts)`)
  const name = uniqueDatabaseName('mc_test')
  await createDatabase(baseUrl, name, seeded ? `${template}_seeded` : template)
  const opened = await openDatabase({ url: databaseUrlFor(baseUrl, name), poolMax: options.poolMax ?? 5 })
  return {
    ...opened,
    seeded,
    close: async () => {
      await opened.close()
      await dropDatabase(baseUrl, name)
    },
  }
}

export function requirePostgres(): string {
  const url = process.env.DATABASE_URL
  // Fail, not skip: a race can only show on a real server, and a silently skipped suite proves nothing.
  if (!url) throw new Error('concurrency tests need PostgreSQL: run them with `npm run test:pg`')
  return url
}
