import { openDatabase } from '../../src/cloud/db'
import { createDatabase, databaseUrlFor, dropDatabase, TEMPLATE_ENV, uniqueDatabaseName } from './pg-admin'

/** Only with DATABASE_URL: migrate one template database that every test file copies. PGlite needs nothing. */
export default async function globalSetup(): Promise<void> {
  const baseUrl = process.env.DATABASE_URL
  if (!baseUrl) return
  const template = uniqueDatabaseName('mc_tmpl')
  await createDatabase(baseUrl, template)
  try {
    const opened = await openDatabase({ url: databaseUrlFor(baseUrl, template), poolMax: 1 })
    await opened.close()
  } catch (error) {
    await dropDatabase(baseUrl, template)
    throw error
  }
  // Workers are started after global setup, so they inherit this.
  process.env[TEMPLATE_ENV] = template
}
