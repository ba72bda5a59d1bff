import { sql } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { members } from '../schema'

/**
 * The member's birthday columns: the encrypted date, the birth month in clear (for the job), when it was set and
 * the first year whose birth month brings a gift (src/domain/birthday/gift-year.ts).
 */
export interface BirthdayColumns {
  memberId: number
  birthdayEnc: string
  birthMonth: number
  setAt: Date
  giftFromYear: number
}

/** Sets the birthday once: only while none is set (the guard; a second call changes nothing and gets null). */
export async function setBirthdayOnce(
  tx: Tx,
  m: BirthdayColumns,
): Promise<boolean> {
  const rows = await executeRows<{ id: number | string }>(
    tx.execute(sql`
      update ${members} set birthday_enc = ${m.birthdayEnc}, birth_month = ${m.birthMonth},
        birthday_set_at = ${m.setAt.toISOString()}::timestamptz, birthday_gift_from_year = ${m.giftFromYear}
      where id = ${m.memberId} and status = 'active' and birthday_enc is null
      returning id`),
  )
  return rows.length === 1
}

/** A manager's correction: overwrites the birthday (the audit entry is written by the caller in the same transaction). */
export async function correctBirthday(
  tx: Tx,
  m: BirthdayColumns,
): Promise<void> {
  await tx.execute(sql`
    update ${members} set birthday_enc = ${m.birthdayEnc}, birth_month = ${m.birthMonth},
      birthday_set_at = ${m.setAt.toISOString()}::timestamptz, birthday_gift_from_year = ${m.giftFromYear}
    where id = ${m.memberId}`)
}
