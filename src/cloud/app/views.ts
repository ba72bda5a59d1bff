import type { CardView, LedgerEntryView, LedgerReason, StaffMemberView, TierCode, TierView } from '../../contract'
import { maskPhone } from '../../domain/phone-mask'
import { spendForUnits } from '../../domain/points'
import { growthToNext, nextTierFor, type Tier } from '../../domain/tiers'
import type { LedgerRow } from '../db/repositories/points-ledger'
import type { MemberRow } from '../db/repositories/members'
import { decryptField } from './field-cipher'
import type { UseCaseContext } from './store-context'

/** Column names bound into the ciphertexts (see field-cipher.ts). */
export const PHONE_COLUMN = 'members.phone'
export const BIRTHDAY_COLUMN = 'members.birthday'

export function toTierView(tier: Tier): TierView {
  return { code: tier.code, name: tier.name, minGrowth: tier.minGrowth, discountPct: tier.discountPct }
}

export function tierByCode(tiers: readonly Tier[], code: string): Tier {
  const tier = tiers.find((t) => t.code === (code as TierCode))
  if (!tier) throw new Error(`member tier '${code}' is not configured for this store`)
  return tier
}

export function toCardView(ctx: UseCaseContext, member: MemberRow): CardView {
  const next = nextTierFor(ctx.tiers, member.growth)
  const toNext = growthToNext(ctx.tiers, member.growth)
  return {
    memberNo: member.memberNo,
    nickname: member.nickname,
    phoneMasked: maskPhone(decryptField(ctx.config.dataKey, PHONE_COLUMN, member.phoneEnc)),
    birthday: member.birthdayEnc ? JSON.parse(decryptField(ctx.config.dataKey, BIRTHDAY_COLUMN, member.birthdayEnc)) : null,
    tier: toTierView(tierByCode(ctx.tiers, member.tierCode)),
    nextTier: next ? toTierView(next) : null,
    growthToNext: toNext,
    spendToNextFen: toNext === null ? null : spendForUnits(toNext, ctx.store.growthPerYuan),
    pointsBalance: member.pointsBalance,
    growth: member.growth,
    openedAt: member.openedAt.toISOString(),
    storeName: ctx.store.name,
  }
}

export function toStaffMemberView(ctx: UseCaseContext, member: MemberRow): StaffMemberView {
  return {
    memberNo: member.memberNo,
    nickname: member.nickname,
    phoneMasked: maskPhone(decryptField(ctx.config.dataKey, PHONE_COLUMN, member.phoneEnc)),
    tier: toTierView(tierByCode(ctx.tiers, member.tierCode)),
    pointsBalance: member.pointsBalance,
    growth: member.growth,
  }
}

export function toLedgerEntryView(row: LedgerRow): LedgerEntryView {
  return {
    id: String(row.id),
    reason: row.reason as LedgerReason, // CHECK constraint keeps this honest
    delta: row.delta,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  }
}
