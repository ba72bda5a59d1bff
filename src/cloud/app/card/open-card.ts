import { AppError, type ApiOutput } from '../../../contract'
import { isFutureBirthday } from '../../../domain/birthday/birth-month'
import { tierForGrowth } from '../../../domain/tiers'
import { countUsableNow } from '../../db/repositories/member-coupons'
import { findActiveMemberByPhoneHash, findMemberByOpenid, insertMemberIfAbsent, type MemberRow } from '../../db/repositories/members'
import { birthdayMonthOnCard } from '../birthday/birthday-page'
import { saveBirthday } from '../birthday/set-my-birthday'
import { defineOperation } from '../operation'
import { encryptPhone, phoneHash } from '../personal-data'
import type { UseCaseContext } from '../store-context'
import { toCardView } from './card-view'
import { backfillPhoneHashes } from './phone-hash-backfill'
import { resolveOpenCardPhone } from './wechat-phone'

/**
 * Opens the caller's card; opening again returns the same card (`created: false`) and changes nothing.
 * One active card per WeChat user and per phone: both are unique keys, so concurrent calls cannot make two.
 */
export const openCard = defineOperation({
  name: 'openCard',
  access: 'caller',
  wechatApis: ['phonenumber.getPhoneNumber'],
  prepare: (input, deps) => resolveOpenCardPhone(input, deps.wechat),
  run: async (ctx, caller, input) => {
    // Reads first only to avoid burning a member number on a repeat call; the unique keys make it race-safe.
    const existing = await findMemberByOpenid(ctx.tx, ctx.store.id, caller.openid)
    if (existing) return existingCard(ctx, existing)
    if (input.birthday && isFutureBirthday(input.birthday, ctx.now, ctx.store.timezone)) throw new AppError('BIRTHDAY_IN_FUTURE')
    // Cards from before the phone rule get their hash first, so the check below sees them (a no-op once done).
    await backfillPhoneHashes(ctx.tx, ctx.config)
    const hash = phoneHash(ctx.config, input.phone)
    const holder = await findActiveMemberByPhoneHash(ctx.tx, ctx.store.id, hash)
    if (holder) return phoneTaken(ctx, holder, caller.openid)

    const inserted = await insertMemberIfAbsent(ctx.tx, {
      storeId: ctx.store.id,
      openid: caller.openid,
      nickname: input.nickname,
      phoneEnc: encryptPhone(ctx.config, input.phone),
      phoneHash: hash,
      // The birthday is set just below, as setMyBirthday sets it (once, its first gift year, the gift if due now).
      birthdayEnc: null,
      birthMonth: null,
      tierCode: tierForGrowth(ctx.tiers, 0).code,
      openedAt: ctx.now,
    })
    if (inserted) {
      const member = input.birthday ? ((await saveBirthday(ctx, inserted, input.birthday)) ?? inserted) : inserted
      return { card: await cardView(ctx, member), created: true }
    }

    // Lost a race: to a concurrent openCard by the same WeChat user (theirs is the card), or to another user
    // opening a card with the same phone at the same moment.
    const winner = await findMemberByOpenid(ctx.tx, ctx.store.id, caller.openid)
    if (winner) return existingCard(ctx, winner)
    const phoneHolder = await findActiveMemberByPhoneHash(ctx.tx, ctx.store.id, hash)
    if (phoneHolder) return phoneTaken(ctx, phoneHolder, caller.openid)
    throw new Error('openCard: insert conflicted but no conflicting row is visible')
  },
})

/** The phone's card is the caller's own when their repeated tap committed a moment ago; anyone else is refused. */
function phoneTaken(ctx: UseCaseContext, holder: MemberRow, openid: string): Promise<ApiOutput<'openCard'>> {
  if (holder.openid === openid) return existingCard(ctx, holder)
  throw new AppError('PHONE_ALREADY_MEMBER')
}

async function existingCard(ctx: UseCaseContext, member: MemberRow): Promise<ApiOutput<'openCard'>> {
  if (member.status !== 'active') throw new AppError('MEMBER_CLOSED')
  return { card: await cardView(ctx, member), created: false }
}

async function cardView(ctx: UseCaseContext, member: MemberRow) {
  // A card opened in the birth month may hold its birthday coupon already.
  return toCardView(ctx, member, { usableCouponCount: await countUsableNow(ctx.tx, member.id, ctx.now), birthdayMonth: await birthdayMonthOnCard(ctx, member) })
}
