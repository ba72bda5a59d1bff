import { AppError, type TillPickupView, type RedemptionStatus } from '../../../contract'
import { monthDayTime } from '../../../domain/coupons/state'
import { pickupExpired } from '../../../domain/mall/pickup-window'
import { findMemberById } from '../../db/repositories/coupon-verifications'
import { findRedemptionByPickupCode, type RedemptionWithNames } from '../../db/repositories/mall-redemptions'
import type { MemberRow } from '../../db/repositories/members'
import { mallImageUrl } from '../mall/mall-views'
import type { UseCaseContext } from '../store-context'
import { toStaffMemberView } from './staff-member-view'

/**
 * A points-mall pick-up at the till: found by its code, in this store, for an active card. Whether it can be handed
 * over is decided at this instant from its stored status and window (an unclaimed gift past its window is refused
 * even before the expiry job has released it).
 */

export async function pickupByCodeOrThrow(ctx: UseCaseContext, code: string): Promise<{ pickup: RedemptionWithNames; holder: MemberRow }> {
  const pickup = await findRedemptionByPickupCode(ctx.tx, ctx.store.id, code)
  const holder = pickup ? await findMemberById(ctx.tx, ctx.store.id, pickup.memberId) : null
  // A closed card's redemptions are gone with its personal data.
  if (!pickup || !holder || holder.status !== 'active') throw new AppError('REDEMPTION_NOT_FOUND')
  return { pickup, holder }
}

/** "已核销 · 11-23 14:02 · 小王", store time. */
export function pickedUpText(ctx: UseCaseContext, p: Pick<RedemptionWithNames, 'pickedUpAt' | 'pickedUpByName'>): string {
  if (!p.pickedUpAt) return '已核销'
  return `已核销 · ${monthDayTime(p.pickedUpAt, ctx.store.timezone)}${p.pickedUpByName ? ` · ${p.pickedUpByName}` : ''}`
}

/** Why it cannot be handed over now, or null when it can. */
export function pickupReason(ctx: UseCaseContext, p: RedemptionWithNames): string | null {
  switch (p.status) {
    case 'held':
      return p.pickupExpiresAt && pickupExpired(p.pickupExpiresAt, ctx.now) ? '已过期' : null
    case 'picked_up':
      return pickedUpText(ctx, p)
    case 'expired':
      return '已过期'
    case 'returned':
      return '已退回'
    default:
      return '已取消'
  }
}

/** Refuses a pick-up that cannot be handed over now (other than already picked up, which the caller words itself). */
export function assertHandable(ctx: UseCaseContext, p: RedemptionWithNames): void {
  if (p.status === 'expired' || (p.status === 'held' && p.pickupExpiresAt && pickupExpired(p.pickupExpiresAt, ctx.now))) throw new AppError('PICKUP_EXPIRED')
  if (p.status !== 'held' && p.status !== 'picked_up') throw new AppError('PICKUP_CLOSED', p.status === 'returned' ? '该礼品已退回' : undefined)
}

export function toTillPickupView(ctx: UseCaseContext, p: RedemptionWithNames): TillPickupView {
  return {
    id: String(p.id),
    code: p.pickupCode ?? '',
    itemName: p.itemName,
    imageUrl: mallImageUrl(p.imageKey),
    quantity: p.quantity,
    points: p.points,
    status: p.status as RedemptionStatus,
    createdAt: p.createdAt.toISOString(),
    pickupExpiresAt: p.pickupExpiresAt?.toISOString() ?? null,
    pickedUp: p.pickedUpAt ? { at: p.pickedUpAt.toISOString(), staffName: p.pickedUpByName ?? '' } : null,
    reason: pickupReason(ctx, p),
  }
}

/** The holder as the till shows them (masked phone). */
export function pickupHolderView(ctx: UseCaseContext, holder: MemberRow) {
  const m = toStaffMemberView(ctx, holder)
  return { nickname: m.nickname, phoneMasked: m.phoneMasked, memberNo: m.memberNo, tier: m.tier }
}
