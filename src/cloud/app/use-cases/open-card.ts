import { AppError, type ApiOutput } from '../../../contract'
import { tierForGrowth } from '../../../domain/tiers'
import { findMemberByOpenid, insertMemberIfAbsent } from '../../db/repositories/members'
import type { Caller } from '../caller'
import { encryptField } from '../field-cipher'
import type { UseCaseContext } from '../store-context'
import { BIRTHDAY_COLUMN, PHONE_COLUMN, toCardView } from '../views'
import type { OpenCardInput } from '../wechat-phone'

/** Opens the caller's card; opening again returns the same card (`created: false`) and changes nothing. */
export async function openCard(ctx: UseCaseContext, caller: Caller, input: OpenCardInput): Promise<ApiOutput<'openCard'>> {
  // Read first only to avoid burning a member number on a repeat call; the unique key is what makes it race-safe.
  const existing = await findMemberByOpenid(ctx.tx, ctx.store.id, caller.openid)
  if (existing) return existingCard(ctx, existing)

  const key = ctx.config.dataKey
  const inserted = await insertMemberIfAbsent(ctx.tx, {
    storeId: ctx.store.id,
    openid: caller.openid,
    nickname: input.nickname,
    phoneEnc: encryptField(key, PHONE_COLUMN, input.phone),
    birthdayEnc: input.birthday ? encryptField(key, BIRTHDAY_COLUMN, JSON.stringify(input.birthday)) : null,
    birthMonth: input.birthday?.month ?? null,
    tierCode: tierForGrowth(ctx.tiers, 0).code,
    openedAt: ctx.now,
  })
  if (inserted) return { card: toCardView(ctx, inserted), created: true }

  // Lost a race with a concurrent openCard for the same WeChat user: theirs is the card.
  const winner = await findMemberByOpenid(ctx.tx, ctx.store.id, caller.openid)
  if (!winner) throw new Error('openCard: conflicting member row vanished')
  return existingCard(ctx, winner)
}

function existingCard(ctx: UseCaseContext, member: NonNullable<Awaited<ReturnType<typeof findMemberByOpenid>>>): ApiOutput<'openCard'> {
  if (member.status !== 'active') throw new AppError('MEMBER_CLOSED')
  return { card: toCardView(ctx, member), created: false }
}
