import type { BirthdayPageView, CardView } from '../../../contract'
import { birthMonthEnd, isInBirthMonth } from '../../../domain/birthday/birth-month'
import { localDateOf } from '../../../domain/local-time'
import { hasActiveBirthdayTemplate, listMemberBirthdayGifts } from '../../db/repositories/birthday-gifts'
import type { MemberRow } from '../../db/repositories/members'
import { decryptBirthday } from '../personal-data'
import type { UseCaseContext } from '../store-context'
import { giftCouponState, toGiftView } from './birthday-coupon-view'

const HISTORY_YEARS = 10

/** The 生日礼 page: the birthday, this year's gift and its countdown in the birth month, earlier years. */
export async function birthdayPage(ctx: UseCaseContext, member: MemberRow): Promise<BirthdayPageView> {
  const zone = ctx.store.timezone
  const today = localDateOf(ctx.now, zone)
  const birthday = member.birthdayEnc ? decryptBirthday(ctx.config, member.birthdayEnc) : null
  const inBirthMonth = isInBirthMonth(member.birthMonth, ctx.now, zone)
  const gifts = await listMemberBirthdayGifts(ctx.tx, member.id, HISTORY_YEARS + 1)
  const thisYear = gifts.find((g) => g.year === today.year) ?? null
  return {
    birthday,
    canSet: birthday === null,
    inBirthMonth,
    monthEndsAt: inBirthMonth ? birthMonthEnd(today.year, today.month, zone).toISOString() : null,
    thisYear: thisYear ? toGiftView(ctx, thisYear, member) : null,
    history: gifts.filter((g) => g.year < today.year).slice(0, HISTORY_YEARS).map((g) => toGiftView(ctx, g, member)),
    note: inBirthMonth && !thisYear ? await noGiftNote(ctx, member, today.year) : null,
  }
}

/** Why a member in their birth month has no gift (yet). */
async function noGiftNote(ctx: UseCaseContext, member: MemberRow, year: number): Promise<string> {
  if (member.birthdayGiftFromYear !== null && member.birthdayGiftFromYear > year) {
    return `生日设置时距生日不足 ${ctx.store.birthdayMinDays} 天，生日礼将从 ${member.birthdayGiftFromYear} 年开始发放`
  }
  if (ctx.store.birthdayPoints <= 0 && !(await hasActiveBirthdayTemplate(ctx.tx, ctx.store.id))) return '本店暂未设置生日礼'
  // Issued by the daily job (or held back while the store's birthday coupons are all given out).
  return '生日礼正在准备中，请稍后再来看看'
}

/** The card's 生日快乐 state during the birth month: this year's gift coupon one tap away (null outside it). */
export async function birthdayMonthOnCard(ctx: UseCaseContext, member: MemberRow): Promise<CardView['birthdayMonth']> {
  if (!isInBirthMonth(member.birthMonth, ctx.now, ctx.store.timezone)) return null
  const year = localDateOf(ctx.now, ctx.store.timezone).year
  const [latest] = await listMemberBirthdayGifts(ctx.tx, member.id, 1)
  const coupon = latest && latest.year === year ? latest.coupon : null
  return { couponId: coupon ? String(coupon.id) : null, couponState: coupon ? giftCouponState(ctx, coupon, member) : null }
}
