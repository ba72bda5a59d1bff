/**
 * `npm start` runs this (after building the H5 app): one process that owns the embedded database folder,
 * migrates and seeds it, and serves the API and the H5 app on 127.0.0.1.
 *
 * Environment: PORT (default 8787, 0 = any free port), HOST (127.0.0.1), DATA_DIR (.data), H5_DIR (dist/h5),
 * DATABASE_URL (use a PostgreSQL server instead of the embedded one), SESSION_SECRET, SEED_DEMO (1; 0 to skip),
 * SHUTDOWN_GRACE_MS (10000: how long Ctrl-C / SIGTERM waits for requests in flight).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { loadConfig, openDatabase, seedDemoData } from '../app'
import { describeError } from '../db/loggable-error'
import { startGatewayJobs } from '../jobs/gateway-jobs'
import { localImageStorage } from '../app/storage/local-image-storage'
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock'
import { closeGateway, createGateway } from './server'

async function main(): Promise<void> {
  const production = process.env.NODE_ENV === 'production'
  const dataDir = resolve(process.env.DATA_DIR ?? '.data')
  const h5Dir = resolve(process.env.H5_DIR ?? 'dist/h5')
  const port = Number.parseInt(process.env.PORT ?? '8787', 10)
  const host = process.env.HOST ?? '127.0.0.1'

  let lock
  try {
    lock = acquireDataDirLock(dataDir)
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`会员中心已在运行（进程 ${error.ownerPid}），同一数据目录只能由一个进程使用。\n${error.message}`)
      process.exit(1)
    }
    throw error
  }

  const config = loadConfig(process.env)
  const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: join(dataDir, 'pglite') })
  // Pictures (the points mall's) in the data folder, served at /files/<key>.
  const filesDir = join(dataDir, 'files')
  const images = localImageStorage(filesDir)
  if (!production && process.env.SEED_DEMO !== '0') await seedDemoData(database.db, new Date(), config, images)

  // Scheduled jobs while we are up (store time zone), and delivery kicked after a call queues notifications.
  const jobs = await startGatewayJobs({ db: database.db, config, images })
  const server = createGateway({
    deps: jobs.deps,
    sessionSecret: sessionSecret(dataDir, production),
    staticDir: h5Dir,
    filesDir,
    production,
  })
  server.listen(port, host, () => {
    const { port: actual } = server.address() as AddressInfo
    console.log(`会员中心已启动 (member center running): http://${host}:${actual}/`)
    console.log(`数据库: ${database.kind === 'pglite' ? join(dataDir, 'pglite') : 'DATABASE_URL'} · 按 Ctrl-C 停止`)
  })

  // Ctrl-C / SIGTERM: finish what is in flight (a purchase being recorded), within this bound.
  const graceMs = Number.parseInt(process.env.SHUTDOWN_GRACE_MS ?? '10000', 10)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    // Whatever happens below (a database that will not close), the process ends shortly after the bound.
    setTimeout(() => process.exit(1), graceMs + 5000).unref()
    const drained = closeGateway(server, graceMs) // stops accepting connections at once
    console.log(`\n${signal}: 正在停止… (draining requests in flight, at most ${graceMs / 1000} s)`)
    const { forced } = await drained
    if (forced) console.error(`${signal}: requests still open after ${graceMs / 1000} s were cut off`)
    // No new job runs; a run in progress stops after its chunk (its cursor lets the next start resume).
    await jobs.stop()
    await database.close()
    lock.release()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  // Started by scripts/start.mjs with an IPC channel: when that launcher is gone, nobody can stop us with Ctrl-C.
  process.on('disconnect', () => void stop('launcher gone'))
}

/**
 * Session tokens must survive a restart in development, so the dev secret is made once and kept in the data
 * folder (git-ignored). Production takes SESSION_SECRET from the environment and refuses to start without it.
 */
function sessionSecret(dataDir: string, production: boolean): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET
  if (production) throw new Error('SESSION_SECRET is required when NODE_ENV=production')
  const file = join(dataDir, 'session-secret')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

main().catch((error) => {
  console.error('启动失败 (failed to start):', describeError(error))
  process.exit(1)
})
