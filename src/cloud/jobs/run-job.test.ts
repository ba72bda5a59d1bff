import { asc, eq, sql } from 'drizzle-orm'
import { createAppFixture, type AppFixture } from '../../../tests/helpers/app-fixture'
import { executeRows } from '../db/db'
import { jobRuns } from '../db/schema'
import { dueSlot } from './due'
import type { JobDefinition } from './job'
import { runDueJobs } from './run-due-jobs'
import { runJob } from './run-job'

/**
 * The machinery with a job of the test's own: it walks all members by id, CHUNK at a time, adding 1 to each
 * member's row in a scratch table. Exactly-once processing shows as every row being 1.
 */
let app: AppFixture
let memberCount: number
const CHUNK = 10
let chunkGate: ((n: number) => Promise<void>) | null = null
let failAt: number | null = null
let chunkCalls = 0

function walkingJob(name: string, schedule = '0 0 * * *'): JobDefinition {
  return {
    name,
    description: 'test: touch every member once',
    schedule,
    wechatApis: [],
    leaseS: 120,
    remaining: async (deps, { cursor }) => {
      const [row] = await executeRows<{ n: number }>(deps.db.execute(sql`select count(*)::int as n from members where id > ${Number(cursor ?? 0)}`))
      return row.n
    },
    chunk: async (deps, { cursor }) => {
      chunkCalls++
      if (failAt === chunkCalls) throw new Error('chunk failed on purpose')
      await chunkGate?.(chunkCalls)
      const [row] = await executeRows<{ last: number | string | null; n: number }>(
        deps.db.execute(sql`
          with batch as (select id from members where id > ${Number(cursor ?? 0)} order by id limit ${CHUNK}),
          touched as (
            insert into job_test_touch (job, member_id, n) select ${name}, id, 1 from batch
            on conflict (job, member_id) do update set n = job_test_touch.n + 1
            returning member_id)
          select max(member_id) as last, count(*)::int as n from touched`),
      )
      return { cursor: row.last === null ? cursor : String(row.last), done: row.n < CHUNK, counts: { touched: row.n } }
    },
  }
}

const touches = async (job: string) =>
  executeRows<{ n: number; members: number }>(app.db.execute(sql`select n, count(*)::int as members from job_test_touch where job = ${job} group by n order by n`))
const runsOf = (job: string) => app.db.select().from(jobRuns).where(eq(jobRuns.jobName, job)).orderBy(asc(jobRuns.id))

beforeAll(async () => {
  app = await createAppFixture()
  await app.db.execute(sql`create table job_test_touch (job text not null, member_id bigint not null, n int not null, primary key (job, member_id))`)
  const [row] = await executeRows<{ n: number }>(app.db.execute(sql`select count(*)::int as n from members`))
  memberCount = row.n
})
beforeEach(() => {
  chunkGate = null
  failAt = null
  chunkCalls = 0
})
afterAll(async () => app?.close())

describe('running a job', () => {
  it('records the run with its counts, and processes every row once in chunks', async () => {
    expect(memberCount).toBeGreaterThan(CHUNK * 3)
    const progress: number[] = []
    const summary = await runJob(app.deps, walkingJob('whole'), app.clock.now(), { onProgress: (p) => progress.push(p.counts.touched) })
    expect(summary).toMatchObject({ status: 'done', counts: { touched: memberCount }, resumedFrom: null })
    expect(progress).toEqual(Array.from({ length: Math.ceil((memberCount + 1) / CHUNK) }, (_, i) => Math.min(memberCount, (i + 1) * CHUNK)))
    expect(await touches('whole')).toEqual([{ n: 1, members: memberCount }])
    const [run] = await runsOf('whole')
    expect(run).toMatchObject({ status: 'done', counts: { touched: memberCount }, asOf: app.clock.now(), startedAt: app.clock.now(), error: null })
    expect(run.finishedAt).not.toBeNull()
  })

  it('stopped after the first chunk, is resumed by the next run from its cursor: every row exactly once', async () => {
    const controller = new AbortController()
    const job = walkingJob('aborted')
    const first = await runJob(app.deps, job, app.clock.now(), { signal: controller.signal, onProgress: () => controller.abort() })
    expect(first).toMatchObject({ status: 'interrupted', counts: { touched: CHUNK } })
    app.clock.advanceS(3600)
    const second = await runJob(app.deps, job, app.clock.now())
    expect(second).toMatchObject({ status: 'done', resumedFrom: first.runId, counts: { touched: memberCount - CHUNK } })
    expect(await touches('aborted')).toEqual([{ n: 1, members: memberCount }])
    const runs = await runsOf('aborted')
    expect(runs.map((r) => r.status)).toEqual(['interrupted', 'done'])
    // The resumed run computes with the `now` of the run it resumes.
    expect(runs[1].asOf).toEqual(runs[0].asOf)
  })

  it('takes over a run cut off without a word (a killed process) once its lease has expired, and never runs twice at once', async () => {
    const job = walkingJob('killed')
    let release: (error: Error) => void = () => {}
    chunkGate = (n) => (n === 2 ? new Promise<void>((_, reject) => (release = reject)) : Promise.resolve())
    const stuck = runJob(app.deps, job, app.clock.now()) // hangs in its second chunk, like a process that died there
    while ((await runsOf('killed'))[0]?.cursor == null) await new Promise((r) => setTimeout(r, 10))
    chunkGate = null
    expect(await runJob(app.deps, job, app.clock.now())).toMatchObject({ status: 'busy', runId: null })
    app.clock.advanceS(121) // the lease (120 s) has run out without a heartbeat
    const takeover = await runJob(app.deps, job, app.clock.now())
    expect(takeover).toMatchObject({ status: 'done', counts: { touched: memberCount - CHUNK } })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    release(new Error('the dead process never comes back'))
    await stuck
    spy.mockRestore()
    expect(await touches('killed')).toEqual([{ n: 1, members: memberCount }])
    const runs = await runsOf('killed')
    expect(runs.map((r) => [r.status, r.error])).toEqual([
      ['interrupted', 'cut off: no heartbeat within the lease'],
      ['done', null],
    ])
    expect(runs[1].resumedFrom).toBe(runs[0].id)
  })

  it('records a failure with its message, and the next run resumes from the last saved cursor', async () => {
    const job = walkingJob('failing')
    failAt = 3
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    const failed = await runJob(app.deps, job, app.clock.now())
    spy.mockRestore()
    expect(failed).toMatchObject({ status: 'failed', error: 'chunk failed on purpose', counts: { touched: 2 * CHUNK } })
    expect((await runsOf('failing'))[0]).toMatchObject({ status: 'failed', error: 'chunk failed on purpose', cursor: expect.any(String) })
    expect(await runJob(app.deps, job, app.clock.now())).toMatchObject({ status: 'done', counts: { touched: memberCount - 2 * CHUNK } })
    expect(await touches('failing')).toEqual([{ n: 1, members: memberCount }])
  })

  it('keeps finished runs for two weeks only', async () => {
    const job = walkingJob('pruned')
    const start = app.clock.now()
    await runJob(app.deps, job, app.clock.now())
    app.clock.advanceS(13 * 86_400)
    await runJob(app.deps, job, app.clock.now())
    expect(await runsOf('pruned')).toHaveLength(2)
    app.clock.set(new Date(start.getTime() + 14 * 86_400_000 + 1))
    await runJob(app.deps, job, app.clock.now())
    expect((await runsOf('pruned')).map((r) => r.startedAt.getTime() - start.getTime())).toEqual([13 * 86_400_000, 14 * 86_400_000 + 1])
  })
})

describe('what is due, in the store\'s time zone', () => {
  // The store is in Asia/Shanghai (UTC+8): local midnight is 16:00 UTC the day before.
  const local = (iso: string) => new Date(`${iso}+08:00`)

  it('a daily 00:00 job is not due at 23:59:59 local and is due at 00:00:00 local', () => {
    const last = local('2026-01-01T00:00:00')
    expect(dueSlot('0 0 * * *', 'Asia/Shanghai', local('2026-01-01T23:59:59'), last)).toBeNull()
    expect(dueSlot('0 0 * * *', 'Asia/Shanghai', local('2026-01-02T00:00:00'), last)).toEqual(new Date('2026-01-01T16:00:00.000Z'))
    // Read in the server's zone (UTC in WeChat) the "midnight" job would run at 08:00 in the store.
    expect(dueSlot('0 0 * * *', 'UTC', local('2026-01-01T08:00:00'), last)).toEqual(new Date('2026-01-01T00:00:00.000Z'))
    expect(dueSlot('0 0 * * *', 'Asia/Shanghai', local('2026-01-01T08:00:00'), last)).toBeNull()
  })

  it('a monthly job on the 1st: 23:59:59 on the 31st local is not the 1st, even though UTC says the 31st either way', () => {
    const last = local('2026-01-01T00:30:00')
    expect(dueSlot('30 0 1 * *', 'Asia/Shanghai', local('2026-01-31T23:59:59'), last)).toBeNull()
    expect(dueSlot('30 0 1 * *', 'Asia/Shanghai', local('2026-02-01T00:30:00'), last)).toEqual(local('2026-02-01T00:30:00'))
  })

  it('runs a job due at local midnight once per slot, recording the slot', async () => {
    const job = walkingJob('midnight', '0 0 * * *')
    app.clock.set(local('2026-03-01T00:00:05'))
    expect((await runDueJobs(app.deps, [job], app.clock.now())).map((s) => s.status)).toEqual(['done'])
    app.clock.set(local('2026-03-01T23:59:59'))
    expect(await runDueJobs(app.deps, [job], app.clock.now())).toEqual([])
    app.clock.set(local('2026-03-02T00:00:00'))
    expect((await runDueJobs(app.deps, [job], app.clock.now())).map((s) => s.status)).toEqual(['done'])
    app.clock.set(local('2026-03-02T00:04:00'))
    expect(await runDueJobs(app.deps, [job], app.clock.now())).toEqual([])
    expect((await runsOf('midnight')).map((r) => r.scheduledFor?.toISOString())).toEqual(['2026-02-28T16:00:00.000Z', '2026-03-01T16:00:00.000Z'])
    expect(await touches('midnight')).toEqual([{ n: 2, members: memberCount }])
  })

  it('resumes an interrupted run at the next tick even when no new slot is due', async () => {
    const job = walkingJob('tick-resume', '0 0 * * *')
    app.clock.set(local('2026-04-01T00:00:10'))
    const controller = new AbortController()
    const [first] = await runDueJobs(app.deps, [job], app.clock.now(), { signal: controller.signal, onProgress: () => controller.abort() })
    expect(first.status).toBe('interrupted')
    app.clock.set(local('2026-04-01T00:05:00'))
    const [resumed] = await runDueJobs(app.deps, [job], app.clock.now())
    expect(resumed).toMatchObject({ status: 'done', resumedFrom: first.runId })
    expect(await runDueJobs(app.deps, [job], app.clock.now())).toEqual([])
    expect(await touches('tick-resume')).toEqual([{ n: 1, members: memberCount }])
  })
})
