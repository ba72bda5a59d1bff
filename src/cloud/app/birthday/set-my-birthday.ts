import { AppError } from '../../../contract'
import { isFutureBirthday } from '../../../domain/birthday/birth-month'
import { birthdayGiftFirstYear } from '../../../domain/birthday/gift-year'
import { setBirthdayOnce } from '../../db/repositories/member-birthday'
import { findMemberByNo, type MemberRow } from '../../db/repositories/members'
import { defineOperation } from '../operation'
import { decryptBirthday, encryptBirthday, type Birthday } from '../personal-data'
import type { UseCaseContext } from '../store-context'
import { birthdayPage } from './birthday-page'
import { issueBirthdayGifts, lockGiftIssuing } from './issue-gifts'

/**
 * The member sets the birthday, once: the write itself is guarded (only while none is set), so two taps at once
 * set it once and the other is refused. Repeating the same birthday (a retry after a timeout) is answered with
 * the page, not refused. Set during the birth month, this year's gift comes in the same transaction when the
 * N-day rule allows (src/domain/birthday/gift-year.ts).
 */
export const setMyBirthday = defineOperation({
  name: 'setMyBirthday',
  access: 'member',
  run: async (ctx, member, input) => {
    if (isFutureBirthday(input.birthday, ctx.now, ctx.store.timezone)) throw new AppError('BIRTHDAY_IN_FUTURE')
    if (member.birthdayEnc !== null) return alreadySet(ctx, member, input.birthday)
    const updated = await saveBirthday(ctx, member, input.birthday)
    if (updated) return birthdayPage(ctx, updated)
    // Set a moment ago by a concurrent call (a double tap): read what it committed.
    const current = await findMemberByNo(ctx.tx, ctx.store.id, member.memberNo)
    if (!current || current.birthdayEnc === null) throw new AppError('MEMBER_CLOSED')
    return alreadySet(ctx, current, input.birthday)
  },
})

/** Writes the birthday if none is set and issues this year's gift when due; the updated row, or null. */
export async function saveBirthday(ctx: UseCaseContext, member: MemberRow, birthday: Birthday): Promise<MemberRow | null> {
  const columns = birthdayColumns(ctx, member.id, birthday)
  await lockGiftIssuing(ctx)
  if (!(await setBirthdayOnce(ctx.tx, columns))) return null
  await issueBirthdayGifts(ctx, { afterId: null, limit: 1, memberId: member.id })
  return { ...member, birthdayEnc: columns.birthdayEnc, birthMonth: columns.birthMonth, birthdaySetAt: columns.setAt, birthdayGiftFromYear: columns.giftFromYear }
}

export function birthdayColumns(ctx: UseCaseContext, memberId: number, birthday: Birthday) {
  return {
    memberId,
    birthdayEnc: encryptBirthday(ctx.config, birthday),
    birthMonth: birthday.month,
    setAt: ctx.now,
    giftFromYear: birthdayGiftFirstYear(birthday, ctx.now, ctx.store.timezone, ctx.store.birthdayMinDays),
  }
}

/** The same birthday again is a retry and gets the page; a different one goes through the store. */
async function alreadySet(ctx: UseCaseContext, member: MemberRow & { birthdayEnc: string | null }, birthday: Birthday) {
  if (member.birthdayEnc !== null && sameBirthday(decryptBirthday(ctx.config, member.birthdayEnc), birthday)) return birthdayPage(ctx, member)
  throw new AppError('BIRTHDAY_LOCKED')
}

function sameBirthday(a: Birthday, b: Birthday): boolean {
  return a.month === b.month && a.day === b.day && a.year === b.year
}
