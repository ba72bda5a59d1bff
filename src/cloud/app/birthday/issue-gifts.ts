import { randomBytes } from 'node:crypto'
import { birthMonthEnd } from '../../../domain/birthday/birth-month'
import { nextSendTime } from '../../../domain/birthday/send-window'
import { localDateOf } from '../../../domain/local-time'
import type { PointsExpiryRule, TierCode } from '../../../contract/enums'
import { newCouponCode } from '../../../domain/coupons/code'
import { tierLock } from '../../../domain/coupons/state'
import { birthdayGiftNotification } from '../../../domain/notifications/coupon-notifications'
import { lotExpiry } from '../../../domain/points-expiry'
import {
  findBirthdayCandidates,
  insertBirthdayGifts,
  lockBirthdayIssue,
  lockBirthdayTemplates,
  type BirthdayCandidate,
  type BirthdayTemplate,
  type GiftNotice,
} from '../../db/repositories/birthday-gifts'
import { postPointsToMany } from '../../db/repositories/points-ledger'
import { notificationRow } from '../notifications/enqueue'
import type { UseCaseContext } from '../store-context'

/** Callers that write the member row before issuing take this first (the lock order: issue lock, member, templates). */
export const lockGiftIssuing = (ctx: UseCaseContext): Promise<void> => lockBirthdayIssue(ctx.tx, ctx.store.id)

export interface GiftScope {
  /** Keyset cursor: members after this id. */
  afterId: number | null
  limit: number
  /** One member only (setting the birthday, opening the card). */
  memberId?: number
}

export interface GiftRun {
  /** Candidates looked at (a chunk shorter than `limit` is the last). */
  scanned: number
  lastId: number | null
  gifted: number
  coupons: number
  /** Members whose tier's birthday template is sold out: no gift yet, the next run tries again this month. */
  soldOut: number
}

/**
 * Issues this year's birthday gift to the members in scope who are in their birth month now (store time) and
 * have none yet, in the caller's transaction. What a member gets:
 *  - the coupon of the store's active birthday template for their tier (its birthday_tier_code), else the one
 *    for every tier (null), the oldest when there are several; valid from now to the month's last instant;
 *  - the store's birthday points, if any (ledger reason 'birthday', request birthday:<member>:<year>).
 * A template whose stock is gone gives no gift yet (the member is tried again on the next run this month, so a
 * manager raising the stock reaches them), rather than a gift without its coupon that could never be completed.
 * A store with no birthday template (for that tier) and no points gives nothing and records nothing.
 */
export async function issueBirthdayGifts(ctx: UseCaseContext, scope: GiftScope): Promise<GiftRun> {
  const zone = ctx.store.timezone
  const today = localDateOf(ctx.now, zone)
  const points = ctx.store.birthdayPoints
  await lockBirthdayIssue(ctx.tx, ctx.store.id)
  const templates = (await lockBirthdayTemplates(ctx.tx, ctx.store.id)).filter((t) => claimOpen(t, ctx.now))
  const run: GiftRun = { scanned: 0, lastId: null, gifted: 0, coupons: 0, soldOut: 0 }
  if (templates.length === 0 && points <= 0) return run

  const candidates = await findBirthdayCandidates(ctx.tx, {
    storeId: ctx.store.id,
    month: today.month,
    year: today.year,
    afterId: scope.afterId,
    limit: scope.limit,
    memberId: scope.memberId,
  })
  run.scanned = candidates.length
  run.lastId = candidates.at(-1)?.id ?? null
  const { gifts, soldOut } = assignTemplates(candidates, templates, points, (t, tierCode) => tierLock(t.minTierCode, { tiers: ctx.tiers, memberTierCode: tierCode }) === null)
  run.soldOut = soldOut
  if (gifts.length === 0) return run

  const validTo = birthMonthEnd(today.year, today.month, zone)
  const used = [...new Set(gifts.map((g) => g.templateId))]
  const notices = used.map((templateId) => giftNotice(ctx, templates.find((t) => t.id === templateId) ?? null, points, today.year, validTo))
  const issued = await insertBirthdayGifts(ctx.tx, {
    storeId: ctx.store.id,
    year: today.year,
    month: today.month,
    now: ctx.now,
    validTo,
    points,
    // Codes from the OS CSPRNG, passed into the statement: random() in SQL is not one, and pgcrypto would need
    // CREATE EXTENSION on both databases. 22 bytes a member, nothing next to the chunk's cost.
    gifts: gifts.map((g) => ({ ...g, code: g.templateId === null ? '' : newCouponCode(randomBytes) })),
    notices,
    dedupePrefix: 'birthday_gift:',
    nextAttemptAt: nextSendTime(ctx.now, zone, ctx.store.notifyFromHour, ctx.store.notifyToHour),
  })
  if (points > 0 && issued.length > 0) {
    await postPointsToMany(ctx.tx, {
      storeId: ctx.store.id,
      reason: 'birthday',
      delta: points,
      entries: issued.map((g) => ({ memberId: g.memberId, requestId: `birthday:${g.memberId}:${today.year}` })),
      note: '生日礼',
      expiresAt: lotExpiry(ctx.store.pointsExpiryRule as PointsExpiryRule, ctx.now, zone),
      createdAt: ctx.now,
    })
  }
  run.gifted = issued.length
  run.coupons = issued.filter((g) => g.couponId !== null).length
  if (issued.length > 0 && notices.some((n) => n.deliveryStatus === 'pending')) ctx.effects.notificationsQueued += issued.length
  return run
}

function claimOpen(t: BirthdayTemplate, now: Date): boolean {
  return (t.claimStartsAt === null || t.claimStartsAt <= now) && (t.claimEndsAt === null || t.claimEndsAt > now)
}

/**
 * Each candidate's template by tier and stock, in id order (the stock read under the templates' lock): the
 * tier's own, else the one for every tier, among those whose audience (`allows`: min tier) takes the member.
 */
export function assignTemplates(
  candidates: readonly BirthdayCandidate[],
  templates: readonly BirthdayTemplate[],
  points: number,
  allows: (template: BirthdayTemplate, tierCode: TierCode) => boolean = () => true,
): { gifts: Array<{ memberId: number; templateId: number | null }>; soldOut: number } {
  const remaining = new Map(templates.map((t) => [t.id, t.remaining]))
  const forTier = (tier: TierCode) =>
    templates.find((t) => t.birthdayTierCode === tier && allows(t, tier)) ?? templates.find((t) => t.birthdayTierCode === null && allows(t, tier)) ?? null
  const gifts: Array<{ memberId: number; templateId: number | null }> = []
  let soldOut = 0
  for (const c of candidates) {
    const template = forTier(c.tierCode)
    if (!template) {
      if (points > 0) gifts.push({ memberId: c.id, templateId: null })
      continue
    }
    const left = remaining.get(template.id) ?? null
    if (left !== null && left <= 0) {
      soldOut++
      continue
    }
    if (left !== null) remaining.set(template.id, left - 1)
    gifts.push({ memberId: c.id, templateId: template.id })
  }
  return { gifts, soldOut }
}

/** The 「生日快乐」 text for one variant of the gift, formatted for WeChat once per chunk (it names no member). */
function giftNotice(ctx: UseCaseContext, template: BirthdayTemplate | null, points: number, year: number, validTo: Date): GiftNotice {
  const draft = birthdayGiftNotification({ memberId: 0, year, couponName: template?.name ?? null, points, validTo: template ? validTo : null })
  // The statement builds each member's dedupe key; it must be the one the draft would have.
  if (draft.dedupeKey !== `birthday_gift:0:${year}`) throw new Error('birthday gift: dedupe key format changed')
  const row = notificationRow(ctx, 0, draft)
  return {
    templateId: template?.id ?? null,
    title: row.title,
    body: row.body,
    payload: row.payload,
    deliveryStatus: row.deliveryStatus,
    wechatTemplateId: row.templateId,
    wechatData: row.wechatData,
    page: row.page,
    lastError: row.lastError,
  }
}
