import { eq, sql } from 'drizzle-orm'
import { RecordingSink } from '../../src/cloud/app'
import { enqueueNotification } from '../../src/cloud/app/notifications/enqueue'
import { DEMO_POINTS_TEMPLATE } from '../../src/cloud/app/notifications/set-template'
import { loadStoreContext } from '../../src/cloud/app/store-context'
import { executeRows } from '../../src/cloud/db/db'
import { changeConsent } from '../../src/cloud/db/repositories/subscription-consents'
import { members, notifications, subscriptionConsents } from '../../src/cloud/db/schema'
import { deliverChunk, deliverNotificationsJob } from '../../src/cloud/jobs/deliver-notifications'
import { runJob } from '../../src/cloud/jobs/run-job'
import { pointsCreditedNotification } from '../../src/domain/notifications/points-credited'
import { createAppFixture, openNewCard, type AppFixture } from '../helpers/app-fixture'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): SKIP LOCKED and row locks only mean something with real concurrency.
let app: AppFixture
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
})
afterAll(async () => app?.close())

const TEMPLATE = DEMO_POINTS_TEMPLATE.templateId

/** `perMember` notifications for each of `memberCount` new members, each with `consents` unused consents. */
async function queue(prefix: string, memberCount: number, perMember: number, consents: number): Promise<number[]> {
  const ids: number[] = []
  for (let m = 0; m < memberCount; m++) {
    await openNewCard(app, `${prefix}-${m}`)
    ids.push(await memberId(`${prefix}-${m}`))
  }
  await app.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, app.config, app.clock.now())
    for (const id of ids) {
      if (consents > 0) await changeConsent(tx, { storeId: ctx.store.id, memberId: id, templateId: TEMPLATE, now: ctx.now, add: consents })
      for (let i = 0; i < perMember; i++) {
        await enqueueNotification(ctx, id, pointsCreditedNotification({ receiptNo: `${prefix}-${id}-${i}`, points: 1, balance: 1, amountFen: 100, at: ctx.now }))
      }
    }
  })
  return ids
}

async function memberId(openid: string): Promise<number> {
  return (await app.db.select({ id: members.id }).from(members).where(eq(members.openid, openid)))[0].id
}

/** A sink that answers slowly, so that concurrent runs really overlap while messages are in flight. */
function slowSink(): RecordingSink {
  const sink = new RecordingSink()
  const send = sink.sendSubscribeMessage.bind(sink)
  sink.sendSubscribeMessage = async (message) => {
    await new Promise((r) => setTimeout(r, 2))
    return send(message)
  }
  return sink
}

describe('delivering notifications concurrently', () => {
  it('8 delivery workers at once send every row exactly once and never spend a consent twice', async () => {
    // 12 members × 10 notifications, 6 consents each: exactly 6 per member may go out.
    const ids = await queue('wx-race-deliver', 12, 10, 6)
    const sink = slowSink()
    const deps = { ...app.deps, subscribeMessages: sink }
    const worker = async () => {
      // Each worker drains in small chunks, as several function instances or a kick and a tick would.
      for (;;) {
        const result = await deliverChunk(deps, { asOf: app.clock.now(), cursor: null, store: await storeRow() }, 7)
        if (result.counts.processed === 0) return
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))

    const sentPerMember = new Map<string, number>()
    for (const m of sink.sent) sentPerMember.set(m.touser, (sentPerMember.get(m.touser) ?? 0) + 1)
    expect([...sentPerMember.values()]).toEqual(Array(12).fill(6))
    // Every notification was sent at most once: no repeated (member, value set) in the sink, and the rows agree.
    const rows = await executeRows<{ delivery_status: string; n: number }>(
      app.db.execute(sql`select delivery_status, count(*)::int as n from notifications where member_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) group by delivery_status order by delivery_status`),
    )
    expect(rows).toEqual([
      { delivery_status: 'sent', n: 72 },
      { delivery_status: 'skipped', n: 48 },
    ])
    const consents = await app.db.select().from(subscriptionConsents).where(sql`${subscriptionConsents.memberId} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)
    expect(consents.map((c) => c.count)).toEqual(Array(12).fill(0))
  })

  it('several whole runs at once: one runs, the others find it busy; nothing is sent twice', async () => {
    const ids = await queue('wx-race-runs', 5, 4, 4)
    const sink = slowSink()
    const deps = { ...app.deps, subscribeMessages: sink }
    const summaries = await Promise.all(Array.from({ length: 6 }, () => runJob(deps, deliverNotificationsJob, app.clock.now())))
    expect(summaries.filter((s) => s.status === 'done')).toHaveLength(1)
    expect(summaries.filter((s) => s.status === 'busy')).toHaveLength(5)
    expect(sink.sent).toHaveLength(20)
    const sent = await app.db.select().from(notifications).where(sql`${notifications.memberId} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and ${notifications.deliveryStatus} = 'sent'`)
    expect(sent).toHaveLength(20)
  })
})

async function storeRow() {
  return app.db.transaction(async (tx) => (await loadStoreContext(tx, app.config, app.clock.now())).store)
}
