import { loadConfig, type AppConfig } from '../config'
import type { Db } from '../db'
import { insertMemberIfAbsent, type MemberRow } from '../db/repositories/members'
import { insertStaff } from '../db/repositories/store-setup'
import { DEMO_POINTS_TEMPLATE, setNotificationTemplateIn } from './notifications/set-template'
import { seedBirthdayMember } from './birthday/seed-birthday'
import { encryptBirthday, encryptPhone, phoneHash } from './personal-data'
import { setupStoreIn } from './setup-store'
import { loadStoreContext, type UseCaseContext } from './store-context'
import { creditPurchase } from './till/credit-purchase'
import { seededRandom } from '../../domain/seeded-random'
import { seedDemoCoupons } from './coupons/seed-coupons'
import { seedDemoMall } from './mall-catalog/seed-mall'
import { seedDemoEvents } from './event-publishing/seed-events'
import type { ImageStorage } from './storage/image-storage'

/** `birthday`: a member born in the month the demo was seeded, so the 生日礼 states can be tried at once. */
export const DEMO_OPENIDS = { member: 'demo-member', birthday: 'demo-birthday', clerk: 'demo-clerk', manager: 'demo-manager' } as const

const OTHER_MEMBERS = 50
const DAY_MS = 86_400_000

/**
 * Seeds the demo store once: settings, the four tiers, a clerk, a manager, the demo member and 50 members with
 * purchase history. History goes through creditPurchase, the same code the till uses, so every balance equals
 * its ledger. Idempotent and safe to call from two processes: an advisory lock plus "store exists → done".
 * Deterministic (a seeded generator), so the demo looks the same on every machine. `images`: where the demo
 * mall's pictures are stored (the gateway's data folder); without it the items have none.
 */
export async function seedDemoData(db: Db, now: Date, config: AppConfig = loadConfig(), images?: ImageStorage): Promise<void> {
  await db.transaction(async (tx) => {
    const { storeId, created } = await setupStoreIn(tx, { name: '拾光咖啡' }, config)
    if (!created) return
    const clerkId = await insertStaff(tx, storeId, DEMO_OPENIDS.clerk, '店员小王', 'clerk')
    await insertStaff(tx, storeId, DEMO_OPENIDS.manager, '店长陈姐', 'manager')
    await setNotificationTemplateIn(tx, storeId, DEMO_POINTS_TEMPLATE, now)
    const ctx = await loadStoreContext(tx, config, now)

    // The demo member: silver, some way to gold, with a birthday, so every part of the card has something to show.
    const demo = await addMember(ctx, DEMO_OPENIDS.member, '小林', '13812345678', { month: 5, day: 20, year: 1995 }, daysBefore(now, 400))
    const demoAmountsFen = [3_800, 12_800, 45_600, 8_850, 120_000, 26_400, 3_200, 68_000, 15_900, 9_990, 4_500, 52_000]
    await addHistory(ctx, demo, clerkId, demoAmountsFen, 360)

    const random = seededRandom(20240501)
    const others: MemberRow[] = []
    for (let i = 1; i <= OTHER_MEMBERS; i++) {
      const phone = `139${String(10_000_000 + i * 7_919).slice(-8)}`
      const birthday = i % 3 === 0 ? null : { month: 1 + (i % 12), day: 1 + (i % 28) }
      const member = await addMember(ctx, `seed-member-${i}`, `会员${String(i).padStart(2, '0')}`, phone, birthday, daysBefore(now, 30 + i * 9))
      const count = Math.floor(random() * 9)
      const amounts = Array.from({ length: count }, () => 1_800 + Math.floor(random() * 80_000))
      if (i % 12 === 0) amounts.push(600_000 + Math.floor(random() * 1_900_000)) // a few big spenders reach gold/diamond
      await addHistory(ctx, member, clerkId, amounts, 25 + i * 8)
      others.push(member)
    }
    await seedDemoCoupons(ctx, demo, others, clerkId)
    // After the coupons: the birthday template is seeded there.
    const birthdayMember = await addMember(ctx, DEMO_OPENIDS.birthday, '小美', '13700001234', null, daysBefore(now, 600))
    await seedBirthdayMember(ctx, birthdayMember)
    await seedDemoMall(ctx, images)
    await seedDemoEvents(ctx, others, clerkId, images)
  })
}

async function addMember(
  ctx: UseCaseContext,
  openid: string,
  nickname: string,
  phone: string,
  birthday: { month: number; day: number; year?: number } | null,
  openedAt: Date,
): Promise<MemberRow> {
  const member = await insertMemberIfAbsent(ctx.tx, {
    storeId: ctx.store.id,
    openid,
    nickname,
    phoneEnc: encryptPhone(ctx.config, phone),
    phoneHash: phoneHash(ctx.config, phone),
    birthdayEnc: birthday ? encryptBirthday(ctx.config, birthday) : null,
    birthMonth: birthday?.month ?? null,
    tierCode: 'normal',
    openedAt,
  })
  if (!member) throw new Error(`seed: member ${openid} already exists in a store that was not seeded`)
  return member
}

/** Purchases spread evenly over the last `spanDays` days, oldest first, each through the till's rules. */
async function addHistory(ctx: UseCaseContext, member: MemberRow, clerkId: number, amountsFen: number[], spanDays: number): Promise<void> {
  let current = member
  for (const [n, amountFen] of amountsFen.entries()) {
    const at = daysBefore(ctx.now, Math.round(spanDays * (1 - n / amountsFen.length)))
    const result = await creditPurchase({ ...ctx, now: at }, { member: current, staffId: clerkId, receiptNo: `DEMO-${member.memberNo}-${n + 1}`, amountFen })
    current = { ...current, pointsBalance: result.member.pointsBalance, growth: result.member.growth, tierCode: result.member.tier.code }
  }
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS)
}
