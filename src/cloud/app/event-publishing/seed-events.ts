import type { z } from 'zod'
import { eventInput } from '../../../contract/event-publishing'
import type { PointsExpiryRule } from '../../../contract'
import { lotExpiry } from '../../../domain/points-expiry'
import type { MemberRow } from '../../db/repositories/members'
import { insertEventIfNew, publishDraft, type CatalogEventRow } from '../../db/repositories/event-catalog'
import { insertDemoFeedback, recordDemoAttendance } from '../../db/repositories/event-results'
import { findEvent } from '../../db/repositories/events'
import { postPoints } from '../../db/repositories/points-ledger'
import { signUp } from '../events/registration-moves'
import { setNotificationTemplateIn, type TemplateConfig } from '../notifications/set-template'
import { imageKeyFor, type ImageStorage } from '../storage/image-storage'
import type { UseCaseContext } from '../store-context'
import { drawDemoCover, type DemoCover } from './demo-covers'
import { localOfInstant, toEventFields } from './event-fields'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const EVENT_TEMPLATE_FIELDS = { thing1: 'event', time2: 'time', thing3: 'place', thing4: 'note' }
const PAGE = 'packages/events/pages/detail/index'

/** The demo templates of the four event kinds (placeholder ids, the real shape), as the other kinds have. */
export const DEMO_EVENT_TEMPLATES: TemplateConfig[] = (['event_published', 'event_reminder', 'event_waitlist', 'event_changed'] as const).map((kind) => ({
  kind,
  templateId: `DEMO-${kind.replace('_', '-')}-template`,
  fields: EVENT_TEMPLATE_FIELDS,
  page: PAGE,
}))

/**
 * The demo events, so a newcomer sees every state: a past 品鉴会 with attendance (checked in by the clerk, the
 * reward credited through postPoints), no-shows and ratings; an open 拉花课 with seats; a full 读书会 with a
 * waitlist; a 金卡-only evening. Sign-ups go through the core's signUp, at a time before each event, as members
 * would have made them. Members are the seeded others (never the demo member, whose card the tour starts from).
 */
export async function seedDemoEvents(ctx: UseCaseContext, others: MemberRow[], clerkId: number, images?: ImageStorage): Promise<void> {
  for (const template of DEMO_EVENT_TEMPLATES) await setNotificationTemplateIn(ctx.tx, ctx.store.id, template, ctx.now)
  const zone = ctx.store.timezone
  const at = (days: number, time: string) => `${localOfInstant(new Date(ctx.now.getTime() + days * DAY_MS), zone).slice(0, 10)} ${time}`
  const cover = async (name: DemoCover) => {
    if (!images) return null
    const bytes = drawDemoCover(name)
    return images.put(imageKeyFor('mall', bytes, 'image/png'), bytes, 'image/png')
  }
  const make = async (key: string, input: z.input<typeof eventInput>, publishedDaysAgo: number): Promise<CatalogEventRow> => {
    // Through the console's own schema: the demo cannot hold an event a manager could not have made.
    const fields = toEventFields(eventInput.parse(input), zone)
    const { id } = await insertEventIfNew(ctx.tx, { storeId: ctx.store.id, requestId: `seed:${key}`, staffId: null, fields, now: ctx.now })
    const publishedAt = new Date(ctx.now.getTime() - publishedDaysAgo * DAY_MS)
    const row = await publishDraft(ctx.tx, { storeId: ctx.store.id, id, publishAt: null, notify: false, now: publishedAt })
    if (!row) throw new Error(`seed: event ${key} was not a draft`)
    return row
  }
  const signUps = async (event: CatalogEventRow, who: MemberRow[], when: Date) => {
    const done = []
    for (const [i, member] of who.entries()) {
      const fresh = (await findEvent(ctx.tx, ctx.store.id, event.id))!
      const moment = new Date(when.getTime() + i * 17 * 60_000)
      done.push((await signUp({ ...ctx, now: moment }, member, fresh, `${member.id}:seed-${event.id}-${i}`)).registration)
    }
    return done
  }

  const past = await make('tasting', { title: '夏日咖啡品鉴会', description: '三款单品豆对比品鉴，咖啡师现场讲解。', coverKey: await cover('tasting'), startsAt: at(-10, '14:00'), endsAt: at(-10, '16:00'), place: '本店二楼', capacity: 12, minTierCode: null, earlyTierCode: null, rewardPoints: 50 }, 20)
  const attendees = await signUps(past, others.slice(20, 28), new Date(past.startsAt.getTime() - 5 * DAY_MS))
  await recordPastAttendance(ctx, past, attendees, clerkId)

  const open = await make('latte', { title: '拉花入门课', description: '从打奶泡到心形拉花，每人一杯带走。', coverKey: await cover('latte'), startsAt: at(7, '14:00'), endsAt: at(7, '16:00'), place: '本店一楼吧台', capacity: 10, minTierCode: null, earlyTierCode: null, rewardPoints: 30 }, 2)
  await signUps(open, others.slice(28, 31), new Date(ctx.now.getTime() - 12 * HOUR_MS))

  const full = await make('reading', { title: '咖啡读书会', description: '本期共读《咖啡的世界》，名额有限。', coverKey: await cover('reading'), startsAt: at(5, '19:00'), endsAt: at(5, '21:00'), place: '本店二楼', capacity: 6, minTierCode: null, earlyTierCode: null, rewardPoints: 20 }, 3)
  await signUps(full, others.slice(31, 40), new Date(ctx.now.getTime() - 2 * DAY_MS))

  await make('gold-night', { title: '金卡会员品鉴之夜', description: '限金卡及以上会员，稀有豆种品鉴。', coverKey: await cover('gold'), startsAt: at(12, '19:30'), endsAt: at(12, '21:30'), place: '本店二楼包间', capacity: 8, minTierCode: 'gold', earlyTierCode: null, pointsCost: 200 }, 1)
}

/** The door's work after the fact: six checked in by the clerk (each credited the reward once), two no-shows, four ratings. */
async function recordPastAttendance(ctx: UseCaseContext, event: CatalogEventRow, registrations: { id: number; memberId: number }[], clerkId: number): Promise<void> {
  const comments = ['豆子很好喝，讲解很细致', '环境舒服，下次还来', '希望多办几场', '']
  for (const [i, r] of registrations.entries()) {
    const checkedIn = new Date(event.startsAt.getTime() - (20 - i) * 60_000)
    if (i >= 6) {
      await recordDemoAttendance(ctx.tx, { registrationId: r.id, attended: false, at: event.endsAt, staffId: clerkId, rewardEntryId: null })
      continue
    }
    const reward = await postPoints(ctx.tx, {
      storeId: ctx.store.id,
      memberId: r.memberId,
      reason: 'event',
      delta: event.rewardPoints,
      requestId: `event-attend:${r.id}:1`,
      note: `活动签到：${event.title}`,
      expiresAt: lotExpiry(ctx.store.pointsExpiryRule as PointsExpiryRule, checkedIn, ctx.store.timezone),
      createdAt: checkedIn,
    })
    await recordDemoAttendance(ctx.tx, { registrationId: r.id, attended: true, at: checkedIn, staffId: clerkId, rewardEntryId: reward.entryId })
    if (i < comments.length) {
      await insertDemoFeedback(ctx.tx, { registrationId: r.id, eventId: event.id, memberId: r.memberId, rating: 5 - (i % 2), comment: comments[i], at: new Date(event.endsAt.getTime() + (i + 1) * HOUR_MS) })
    }
  }
}
