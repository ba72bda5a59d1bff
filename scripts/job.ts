/**
 * npm run job -- <name> [--now <ISO time>]: runs one scheduled job to the end from a shell, recorded in job_runs
 * like a scheduled run (resuming a cut-off run first). A progress bar on a terminal, plain lines otherwise.
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (.data) when `npm start` is not running on it.
 *
 *   npm run job -- list
 *   npm run job -- deliverNotifications --now 2026-01-01T00:00:00+08:00
 *
 * WeChat messages: a local run records them in a sink and prints one line each (no personal data); sending for
 * real happens in the WeChat jobs function, where wx-server-sdk is available.
 */
import { SingleBar, Presets } from 'cli-progress'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig, openDatabase, RecordingSink } from '../src/cloud/app'
import { acquireDataDirLock, DataDirLockedError } from '../src/cloud/gateway/data-dir-lock'
import { findJob, JOBS } from '../src/cloud/jobs/registry'
import { runJob } from '../src/cloud/jobs/run-job'
import { describeError } from '../src/cloud/db/loggable-error'

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { now: { type: 'string' } } })
  const [name] = positionals
  if (!name || name === 'list') {
    for (const job of JOBS) console.log(`${job.name.padEnd(24)} ${job.schedule.padEnd(14)} ${job.description}`)
    if (!name) process.exitCode = 2
    return
  }
  const job = findJob(name)
  if (!job) fail(`unknown job "${name}"; known: ${JOBS.map((j) => j.name).join(', ')}`)
  const now = values.now ? new Date(values.now) : new Date()
  if (Number.isNaN(now.getTime())) fail(`--now: not a time: ${values.now} (use ISO 8601, e.g. 2026-01-01T00:00:00+08:00)`)

  let release = () => {}
  const url = process.env.DATABASE_URL
  if (!url) {
    const dataDir = resolve(process.env.DATA_DIR ?? '.data')
    try {
      release = acquireDataDirLock(dataDir).release
    } catch (error) {
      if (error instanceof DataDirLockedError) fail(`the embedded database is in use by npm start (process ${error.ownerPid}): it runs due jobs itself`)
      throw error
    }
  }
  const database = await openDatabase(url ? { url, poolMax: 2 } : { dataDir: join(resolve(process.env.DATA_DIR ?? '.data'), 'pglite') })
  const tty = process.stdout.isTTY === true
  const bar = tty ? new SingleBar({ format: `${job.name} [{bar}] {value}/{total} {counts}`, hideCursor: true }, Presets.shades_classic) : null
  const controller = new AbortController()
  process.once('SIGINT', () => {
    console.error('\nSIGINT: stopping after the current chunk (the next run resumes)')
    controller.abort()
  })
  try {
    let started = false
    const sink = new RecordingSink((line) => (bar && started ? bar.update({ counts: line }) : console.log(line)))
    const deps = { db: database.db, config: loadConfig(process.env), subscribeMessages: sink }
    const summary = await runJob(deps, job, now, {
      signal: controller.signal,
      onProgress: ({ chunks, counts, total }) => {
        const done = counts.processed ?? counts.touched ?? chunks
        const text = Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' ')
        if (bar) {
          if (!started) bar.start(Math.max(total ?? done, done), 0, { counts: '' })
          started = true
          bar.setTotal(Math.max(total ?? done, done))
          bar.update(done, { counts: text })
        } else console.log(`${job.name}: chunk ${chunks} ${text}`)
      },
    })
    bar?.stop()
    console.log(`${job.name}: ${summary.status}${summary.resumedFrom ? ` (resumed run ${summary.resumedFrom})` : ''} ${JSON.stringify(summary.counts)}${summary.error ? ` — ${summary.error}` : ''}`)
    if (summary.status === 'failed') process.exitCode = 1
    if (summary.status === 'busy') process.exitCode = 3
  } finally {
    await database.close()
    release()
  }
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

main().catch((error) => {
  // Never the error object: drizzle's "Failed query … params" would print members' data.
  console.error(`failed: ${describeError(error)}`)
  process.exit(1)
})
