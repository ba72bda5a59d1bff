import { createAppFixture, memberCodeOf, openNewCard, type AppFixture } from '../../../tests/helpers/app-fixture'
import { dispatch, DEMO_OPENIDS } from '../app'
import { startGatewayJobs } from './gateway-jobs'

let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
})
afterAll(async () => app?.close())

describe('jobs inside the gateway', () => {
  it('delivers right after a purchase commits, logging without personal data', async () => {
    const lines: string[] = []
    // The real clock here: the scheduler's timers and the kick run on it.
    const jobs = await startGatewayJobs({ db: app.db, config: app.config }, (line) => lines.push(line))
    try {
      const { openid } = await openNewCard(app, 'wx-gateway-kick')
      await app.ok('recordSubscriptionConsent', { requestId: 'g', results: [{ kind: 'points_credited', result: 'accept' }] }, openid)
      const result = await dispatch(
        'staffRecordPurchase',
        { memberCode: await memberCodeOf(app, openid), receiptNo: 'KICK-1', amountFen: 4_200 },
        { openid: DEMO_OPENIDS.clerk },
        { ...jobs.deps, now: app.clock.now },
      )
      expect(result.ok).toBe(true)
      for (let i = 0; i < 200 && jobs.sink.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
      expect(jobs.sink.sent.map((m) => m.touser)).toEqual([openid])
      const sinkLine = lines.find((l) => l.startsWith('[订阅消息]'))
      expect(sinkLine).toBe('[订阅消息] sent template=DEMO-points-credited-template fields=number2,number3,thing1,time4')
      expect(lines.join('\n')).not.toContain(openid)
    } finally {
      await jobs.stop()
    }
  })
})
