import type { CardView } from '../../../contract'
import { maskPhone } from '../../../domain/phone-mask'
import { spendForUnits } from '../../../domain/points'
import { growthToNext, nextTierFor } from '../../../domain/tiers'
import type { MemberRow } from '../../db/repositories/members'
import { decryptBirthday, decryptPhone } from '../personal-data'
import type { UseCaseContext } from '../store-context'
import { tierByCode, toTierView } from '../tier-view'

/** What the card shows that needs its own reads, fetched by the caller (a just-opened card has no coupons). */
export interface CardExtras {
  /** countUsableNow, taken by getMyCard. */
  usableCouponCount?: number
  birthdayMonth?: CardView['birthdayMonth']
  /** EXPIRY: the usable balance and the soonest expiry (readPointsOutlook), taken by getMyCard. */
  pointsBalance?: number
  pointsExpiry?: CardView['pointsExpiry']
}

export function toCardView(ctx: UseCaseContext, member: MemberRow, extras: CardExtras = {}): CardView {
  const next = nextTierFor(ctx.tiers, member.growth)
  const toNext = growthToNext(ctx.tiers, member.growth)
  return {
    memberNo: member.memberNo,
    nickname: member.nickname,
    phoneMasked: maskPhone(decryptPhone(ctx.config, member.phoneEnc)),
    birthday: member.birthdayEnc ? decryptBirthday(ctx.config, member.birthdayEnc) : null,
    tier: toTierView(tierByCode(ctx.tiers, member.tierCode)),
    nextTier: next ? toTierView(next) : null,
    growthToNext: toNext,
    spendToNextFen: toNext === null ? null : spendForUnits(toNext, ctx.store.growthPerYuan),
    pointsBalance: extras.pointsBalance ?? member.pointsBalance,
    pointsExpiry: extras.pointsExpiry ?? null,
    growth: member.growth,
    openedAt: member.openedAt.toISOString(),
    storeName: ctx.store.name,
    usableCouponCount: extras.usableCouponCount ?? 0,
    birthdayMonth: extras.birthdayMonth ?? null,
  }
}
