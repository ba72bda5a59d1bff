import { Client } from 'pg'

/**
 * PostgreSQL test databases: one migrated template per jest run (made in pg-global-setup.ts), then a fresh
 * `CREATE DATABASE … TEMPLATE` (~0.1 s) per test file, dropped when the file is done.
 */
export const TEMPLATE_ENV = 'MC_PG_TEMPLATE_DB'

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl)
  url.pathname = `/${database}`
  return url.toString()
}

export async function withAdminClient<T>(baseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: baseUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Names are generated here, never from input, so quoting them as identifiers is enough. */
export async function createDatabase(baseUrl: string, name: string, template?: string): Promise<void> {
  await withAdminClient(baseUrl, (c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`))
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await withAdminClient(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
}
