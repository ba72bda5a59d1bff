import { AppError, type ApiOutput } from '../../../contract'
import { tierForGrowth } from '../../../domain/tiers'
import { findActiveMemberByPhoneHash, findMemberByOpenid, insertMemberIfAbsent, type MemberRow } from '../../db/repositories/members'
import { defineOperation } from '../operation'
import { encryptBirthday, encryptPhone, phoneHash } from '../personal-data'
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
      birthdayEnc: input.birthday ? encryptBirthday(ctx.config, input.birthday) : null,
      birthMonth: input.birthday?.month ?? null,
      tierCode: tierForGrowth(ctx.tiers, 0).code,
      openedAt: ctx.now,
    })
    if (inserted) return { card: toCardView(ctx, inserted), created: true }

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
function phoneTaken(ctx: UseCaseContext, holder: MemberRow, openid: string): ApiOutput<'openCard'> {
  if (holder.openid === openid) return existingCard(ctx, holder)
  throw new AppError('PHONE_ALREADY_MEMBER')
}

function existingCard(ctx: UseCaseContext, member: MemberRow): ApiOutput<'openCard'> {
  if (member.status !== 'active') throw new AppError('MEMBER_CLOSED')
  return { card: toCardView(ctx, member), created: false }
}
