import { AppError } from '../../../contract'
import { isFutureBirthday } from '../../../domain/birthday/birth-month'
import { birthdayGiftFirstYear } from '../../../domain/birthday/gift-year'
import { setBirthdayOnce } from '../../db/repositories/member-birthday'
import type { MemberRow } from '../../db/repositories/members'
import { defineOperation } from '../operation'
import { decryptBirthday, encryptBirthday, type Birthday } from '../personal-data'
import type { UseCaseContext } from '../store-context'
import { birthdayPage } from './birthday-page'
import { issueBirthdayGifts } from './issue-gifts'

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
    if (member.birthdayEnc !== null) {
      if (sameBirthday(decryptBirthday(ctx.config, member.birthdayEnc), input.birthday)) return birthdayPage(ctx, member)
      throw new AppError('BIRTHDAY_LOCKED')
    }
    const updated = await saveBirthday(ctx, member, input.birthday)
    if (!updated) throw new AppError('BIRTHDAY_LOCKED') // set a moment ago by a concurrent call
    return birthdayPage(ctx, updated)
  },
})

/** Writes the birthday if none is set and issues this year's gift when due; the updated row, or null. */
export async function saveBirthday(ctx: UseCaseContext, member: MemberRow, birthday: Birthday): Promise<MemberRow | null> {
  const columns = birthdayColumns(ctx, member.id, birthday)
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

function sameBirthday(a: Birthday, b: Birthday): boolean {
  return a.month === b.month && a.day === b.day && a.year === b.year
}
