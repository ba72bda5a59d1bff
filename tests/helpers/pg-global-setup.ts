import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemoData } from '../../src/cloud/app'
import { openDatabase } from '../../src/cloud/db'
import { createDatabase, databaseUrlFor, dropDatabase, TEMPLATE_ENV, uniqueDatabaseName } from './pg-admin'
import { dumpPglite, SNAPSHOT_ENV } from './pglite-snapshot'
import { testConfig, TEST_START } from './test-config'

/**
 * Migrate and seed once per run; every test file then gets a copy:
 *  - DATABASE_URL: two template databases (migrated, and migrated + seeded), copied per file by CREATE DATABASE;
 *  - PGlite: two dump files, loaded per file.
 * Workers are started after global setup, so they inherit the environment variables set here.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now()
  const baseUrl = process.env.DATABASE_URL
  if (baseUrl) await preparePostgresTemplates(baseUrl)
  else await preparePgliteSnapshots()
  if (process.env.MC_TEST_TIMING) console.log(`\ntest databases prepared in ${Date.now() - started} ms`)
}

async function preparePostgresTemplates(baseUrl: string): Promise<void> {
  const template = uniqueDatabaseName('mc_tmpl')
  const seeded = `${template}_seeded`
  await createDatabase(baseUrl, template)
  try {
    const opened = await openDatabase({ url: databaseUrlFor(baseUrl, template), poolMax: 1 })
    await opened.close()
    await createDatabase(baseUrl, seeded, template)
    const copy = await openDatabase({ url: databaseUrlFor(baseUrl, seeded), poolMax: 1 })
    try {
      await seedDemoData(copy.db, new Date(TEST_START), testConfig())
    } finally {
      await copy.close()
    }
  } catch (error) {
    await dropDatabase(baseUrl, seeded)
    await dropDatabase(baseUrl, template)
    throw error
  }
  process.env[TEMPLATE_ENV] = template
}

async function preparePgliteSnapshots(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mc-jest-'))
  const opened = await openDatabase({})
  try {
    const migrated = join(dir, 'migrated.tar')
    writeFileSync(migrated, await dumpPglite(opened))
    await seedDemoData(opened.db, new Date(TEST_START), testConfig())
    const seeded = join(dir, 'seeded.tar')
    writeFileSync(seeded, await dumpPglite(opened))
    process.env[SNAPSHOT_ENV.migrated] = migrated
    process.env[SNAPSHOT_ENV.seeded] = seeded
    process.env.MC_PGLITE_SNAPSHOT_DIR = dir
  } finally {
    await opened.close()
  }
}
