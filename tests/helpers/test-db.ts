import { openDatabase, type OpenedDatabase } from '../../src/cloud/db'
import { createDatabase, databaseUrlFor, dropDatabase, TEMPLATE_ENV, uniqueDatabaseName } from './pg-admin'

/**
 * A fresh, migrated database for one test file: PostgreSQL when DATABASE_URL is set (a copy of the migrated
 * template), otherwise one in-memory PGlite (a fresh one costs ~2 s and much memory: one per file, no more).
 */
export async function openTestDatabase(options: { poolMax?: number } = {}): Promise<OpenedDatabase> {
  const baseUrl = process.env.DATABASE_URL
  if (!baseUrl) return openDatabase({})
  const template = process.env[TEMPLATE_ENV]
  if (!template) throw new Error(`DATABASE_URL is set but ${TEMPLATE_ENV} is not: run through jest (pg-global-setup.ts)`)
  const name = uniqueDatabaseName('mc_test')
  await createDatabase(baseUrl, name, template)
  const opened = await openDatabase({ url: databaseUrlFor(baseUrl, name), poolMax: options.poolMax ?? 5 })
  return {
    ...opened,
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
