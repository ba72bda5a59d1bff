import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { OpenedDatabase } from '../../src/cloud/db'
import * as schema from '../../src/cloud/db/schema'

/**
 * PGlite snapshots for `npm test`: global setup migrates (and seeds) one database and dumps it to a file; each
 * test file loads a copy (~0.3 s) instead of opening, migrating and seeding its own (~3 s). Paths travel to the
 * jest workers in these variables.
 */
export const SNAPSHOT_ENV = { migrated: 'MC_PGLITE_MIGRATED', seeded: 'MC_PGLITE_SEEDED' } as const

type Assets = { wasmModule: WebAssembly.Module; fsBundle: Blob }
let assets: Promise<Assets> | undefined
/** Handed to PGlite directly: its own loader does a dynamic import that jest's VM refuses (see open-database.ts). */
function pgliteAssets(): Promise<Assets> {
  if (!assets) {
    const distDir = dirname(createRequire(__filename).resolve('@electric-sql/pglite'))
    assets = WebAssembly.compile(readFileSync(join(distDir, 'pglite.wasm'))).then((wasmModule) => ({
      wasmModule,
      fsBundle: new Blob([readFileSync(join(distDir, 'pglite.data'))]),
    }))
  }
  return assets
}

/** An in-memory PGlite loaded from a dump file written by global setup. */
export async function openPgliteSnapshot(file: string): Promise<OpenedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const client = new PGlite({ loadDataDir: new Blob([readFileSync(file)]), ...(await pgliteAssets()) })
  const db = drizzle(client, { schema })
  return { db: db as unknown as OpenedDatabase['db'], kind: 'pglite', close: () => client.close() }
}

/** The dump of an open PGlite database (`$client` is drizzle's handle on it). */
export async function dumpPglite(opened: OpenedDatabase): Promise<Buffer> {
  const client = (opened.db as unknown as { $client: { dumpDataDir(compression: 'none'): Promise<Blob> } }).$client
  return Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer())
}
