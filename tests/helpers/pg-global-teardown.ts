import { rmSync } from 'node:fs'
import { dropDatabase, TEMPLATE_ENV } from './pg-admin'

export default async function globalTeardown(): Promise<void> {
  const baseUrl = process.env.DATABASE_URL
  const template = process.env[TEMPLATE_ENV]
  if (baseUrl && template) {
    await dropDatabase(baseUrl, `${template}_seeded`)
    await dropDatabase(baseUrl, template)
  }
  const dir = process.env.MC_PGLITE_SNAPSHOT_DIR
  if (dir) rmSync(dir, { recursive: true, force: true })
}
