import { randomBytes } from 'node:crypto'
import { AppError, type CouponChannel } from '../../../contract'
import { newCouponCode } from '../../../domain/coupons/code'
import { tierLock } from '../../../domain/coupons/state'
import { windowForIssue, type Window } from '../../../domain/coupons/validity'
import { findTemplate, takeFromStock, type CouponTemplateRow } from '../../db/repositories/coupon-templates'
import {
  countMemberCouponsOfTemplate,
  findCouponBySourceKey,
  insertCouponIfNew,
  type MemberCouponRow,
} from '../../db/repositories/member-coupons'
import type { MemberRow } from '../../db/repositories/members'
import type { UseCaseContext } from '../store-context'

export interface IssueRequest {
  /** The template's id, or its row when the caller has just read it (the birthday job picks one per tier). */
  template: number | CouponTemplateRow
  /** Locked by the caller in this transaction (lockMemberForIssue, or the till's FOR UPDATE): the per-member limit relies on it. */
  member: MemberRow
  /** How the member gets it: must be the template's own channel. */
  channel: CouponChannel
  /** The issue's idempotency key: `claim:<memberId>:<requestId>`, `grant:<requestId>`, `birthday:<memberId>:<year>`, … */
  sourceKey: string
  /**
   * The use window when the channel sets its own instead of the template's rule: the birthday gift runs from
   * its issue to the end of the birth month (validity.ts monthEnd). Null (refused as ended) is not allowed here.
   */
  window?: Window
}

export interface Issued {
  coupon: MemberCouponRow
  /** A retry of an issue already made: nothing was taken from the stock. */
  repeated: boolean
}

/**
 * Issues one coupon to a member inside the caller's transaction: the claim centre, staff grants, the birthday
 * job and (later) the points mall all come through here, so the rules hold the same everywhere:
 *  1. the source key first, so a retry returns the coupon already issued and never trips a limit;
 *  2. the template's stored status, claim window and audience, against ctx.now;
 *  3. the per-member limit, counted under the member row's lock (issues to one member take turns);
 *  4. the guarded increment of claimed_count (total and status enforced by the write itself);
 *  5. the coupon, with the template's terms copied and its use window fixed now.
 * A refusal throws an AppError after at most the increment, which the caller's rollback undoes.
 */
export async function issueCoupon(ctx: UseCaseContext, req: IssueRequest): Promise<Issued> {
  const { tx, store, now } = ctx
  const existing = await findCouponBySourceKey(tx, store.id, req.sourceKey)
  if (existing) {
    // A key names one issue to one member; the same key for someone else is a client bug, not a retry.
    if (existing.memberId !== req.member.id) throw new AppError('BAD_INPUT', '该请求已用于其他会员，请重新操作')
    return { coupon: existing, repeated: true }
  }

  const template = typeof req.template === 'number' ? await findTemplate(tx, store.id, req.template) : req.template
  if (!template || template.storeId !== store.id) throw new AppError('COUPON_TEMPLATE_NOT_FOUND')
  assertIssuable(ctx, template, req)

  // The birthday gift's "once a year" is its own unique key (birthday_gifts); a per-member limit would stop next year's.
  if (req.channel !== 'birthday') {
    const held = await countMemberCouponsOfTemplate(tx, template.id, req.member.id)
    if (held >= template.perMemberLimit) throw new AppError('COUPON_LIMIT_REACHED')
  }

  const window =
    req.window ??
    windowForIssue(
      { validityKind: template.validityKind as 'fixed' | 'days', validFrom: template.validFrom, validTo: template.validTo, validDays: template.validDays },
      now,
      store.timezone,
    )
  if (!window || window.end.getTime() < now.getTime()) throw new AppError('COUPON_CLAIM_ENDED')

  const taken = await takeFromStock(tx, store.id, template.id, req.channel)
  if (!taken) {
    const current = await findTemplate(tx, store.id, template.id)
    if (!current) throw new AppError('COUPON_TEMPLATE_NOT_FOUND')
    if (current.status !== 'active') throw new AppError('COUPON_STOPPED')
    if (current.channel !== req.channel) throw new AppError('COUPON_NOT_CLAIMABLE')
    throw new AppError('COUPON_SOLD_OUT')
  }

  // Terms from the row the increment returned: the template as it is at this instant, not as first read.
  const coupon = await insertCouponIfNew(tx, {
    storeId: store.id,
    templateId: taken.id,
    memberId: req.member.id,
    code: newCouponCode((n) => randomBytes(n)),
    channel: req.channel,
    sourceKey: req.sourceKey,
    name: taken.name,
    kind: taken.kind,
    thresholdFen: taken.thresholdFen,
    amountOffFen: taken.amountOffFen,
    discountPct: taken.discountPct,
    maxDiscountFen: taken.maxDiscountFen,
    giftName: taken.giftName,
    description: taken.description,
    minTierCode: taken.minTierCode,
    validFrom: window.start,
    validTo: window.end,
    issuedAt: now,
  })
  // Only a concurrent issue with the same key (to another member, unlocked) gets here: roll the increment back.
  if (!coupon) throw new Error('issueCoupon: the source key was taken concurrently')
  return { coupon, repeated: false }
}

/** The template's own rules for this issue, from its stored values at ctx.now. */
function assertIssuable(ctx: UseCaseContext, t: CouponTemplateRow, req: IssueRequest): void {
  if (t.channel !== req.channel) {
    throw new AppError('COUPON_NOT_CLAIMABLE', req.channel === 'claim' ? undefined : '该券不能通过此方式发放')
  }
  if (t.status !== 'active') throw new AppError('COUPON_STOPPED')
  const now = ctx.now.getTime()
  if (t.claimStartsAt && now < t.claimStartsAt.getTime()) throw new AppError('COUPON_CLAIM_NOT_STARTED')
  if (t.claimEndsAt && now > t.claimEndsAt.getTime()) throw new AppError('COUPON_CLAIM_ENDED')
  const locked = tierLock(t.minTierCode, { tiers: ctx.tiers, memberTierCode: req.member.tierCode })
  if (locked) throw new AppError('COUPON_TIER_LOCKED', `该券${locked}`)
}
