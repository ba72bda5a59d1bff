import { instantAt, localDateOf } from '../../../domain/local-time'
import type { MemberRow } from '../../db/repositories/members'
import type { UseCaseContext } from '../store-context'
import { issueBirthdayGifts } from './issue-gifts'
import { saveBirthday } from './set-my-birthday'

const DAY_MS = 86_400_000

/**
 * The 生日会员 demo: born on the 1st of the month the demo is seeded in (store time), the birthday set long ago,
 * last year's gift in the history (its coupon expired) and this year's gift to use, all through the real path
 * (saveBirthday, issueBirthdayGifts) with the clock set to when it happened.
 */
export async function seedBirthdayMember(ctx: UseCaseContext, member: MemberRow): Promise<void> {
  const today = localDateOf(ctx.now, ctx.store.timezone)
  const setAt = new Date(ctx.now.getTime() - 500 * DAY_MS)
  const saved = await saveBirthday({ ...ctx, now: setAt }, member, { month: today.month, day: 1, year: 1998 })
  if (!saved) throw new Error('seed: the birthday member already has a birthday')
  const lastYear = instantAt(ctx.store.timezone, today.year - 1, today.month, 1, 10)
  await issueBirthdayGifts({ ...ctx, now: lastYear }, { afterId: null, limit: 1, memberId: member.id })
  await issueBirthdayGifts(ctx, { afterId: null, limit: 1, memberId: member.id })
}
