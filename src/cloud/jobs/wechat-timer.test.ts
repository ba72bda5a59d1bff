import { Cron } from 'croner'
import { eq } from 'drizzle-orm'
import { createAppFixture, memberCodeOf, openNewCard, type AppFixture } from '../../../tests/helpers/app-fixture'
import { DEMO_OPENIDS, RecordingSink } from '../app'
import { jobRuns } from '../db/schema'
import { JOBS } from './registry'
import { jobsTimerHandler, JOBS_TIMER_CRON, JOBS_TIMER_TRIGGER } from './wechat-timer'

describe('the WeChat timer trigger', () => {
  it('is one 7-field trigger that fires every 5 minutes, read in UTC+8 as WeChat does', () => {
    expect(JOBS_TIMER_CRON.split(' ')).toHaveLength(7)
    expect(JOBS_TIMER_TRIGGER).toEqual({ name: 'jobsTimer', type: 'timer', config: JOBS_TIMER_CRON })
    expect(JOBS_TIMER_TRIGGER.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/)
    const fires = new Cron(JOBS_TIMER_CRON, { timezone: 'Asia/Shanghai', paused: true }).nextRuns(3, new Date('2026-01-01T15:58:00Z'))
    expect(fires.map((d) => d.toISOString())).toEqual(['2026-01-01T16:00:00.000Z', '2026-01-01T16:05:00.000Z', '2026-01-01T16:10:00.000Z'])
  })

  it('every job has a schedule the gateway can read (5 or 6 fields)', () => {
    for (const job of JOBS) {
      expect([5, 6]).toContain(job.schedule.split(' ').length)
      expect(() => new Cron(job.schedule, { timezone: 'Asia/Shanghai', paused: true })).not.toThrow()
    }
  })
})

describe('the jobs cloud function handler', () => {
  let app: AppFixture
  beforeAll(async () => {
    app = await createAppFixture()
  })
  afterAll(async () => app?.close())

  it('runs what is due (delivery), sends queued messages, records the run, and runs nothing twice for a slot', async () => {
    const sink = new RecordingSink()
    app.deps.subscribeMessages = sink
    const { openid } = await openNewCard(app, 'wx-timer-member')
    await app.ok('recordSubscriptionConsent', { requestId: 't', results: [{ kind: 'points_credited', result: 'accept' }] }, openid)
    await app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, openid), receiptNo: 'TIMER-1', amountFen: 3_000 }, DEMO_OPENIDS.clerk)
    const log = jest.spyOn(console, 'log').mockImplementation(() => {})
    const summaries = await jobsTimerHandler(app.deps)
    // The daily jobs' last slot (00:05, 09:00 and 00:10 store time) lies within a day before the fixture's 10:00: due too.
    expect(summaries).toEqual([
      expect.objectContaining({ job: 'deliverNotifications', status: 'done', counts: expect.objectContaining({ sent: 1 }) }),
      expect.objectContaining({ job: 'birthdayGifts', status: 'done' }),
      expect.objectContaining({ job: 'couponExpiryReminders', status: 'done' }),
      expect.objectContaining({ job: 'mallPickupExpiry', status: 'done' }),
      expect.objectContaining({ job: 'pointsExpiry', status: 'done' }),
      expect.objectContaining({ job: 'pointsExpiryReminders', status: 'done' }),
      expect.objectContaining({ job: 'eventNoShows', status: 'done' }),
      expect.objectContaining({ job: 'eventPublishing', status: 'done' }),
      expect.objectContaining({ job: 'eventReminders', status: 'done' }),
    ])
    expect(sink.sent.map((m) => m.touser)).toEqual([openid])
    // The same minute again: the slot is covered.
    expect(await jobsTimerHandler(app.deps)).toEqual([])
    log.mockRestore()
    const runs = await app.db.select().from(jobRuns).where(eq(jobRuns.jobName, 'deliverNotifications'))
    expect(runs).toHaveLength(1)
    expect(runs[0].scheduledFor?.toISOString()).toBe('2025-06-15T02:00:00.000Z')
  })
})
