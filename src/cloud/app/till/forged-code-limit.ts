import { AppError } from '../../../contract'
import { lockStaffAndCountRecent, writeAudit } from '../../db/repositories/audit-log'
import { setForgedBlockedUntil, type StaffRow } from '../../db/repositories/staff'
import { RecordedRefusal } from '../recorded-refusal'
import type { UseCaseContext } from '../store-context'

/**
 * Member codes carry a 6-digit signature: guessable only by trying many, so tries are limited. After
 * FORGED_CODE_LIMIT forged codes within FORGED_CODE_WINDOW_S, that staff account's code lookups are refused
 * (RATE_LIMITED) until the oldest of them leaves the window. Counted from the audit log, in the database, so
 * the limit holds across cloud-function instances; stale or malformed codes are honest mistakes and do not count.
 *
 * Cheap on the normal path: the count is taken (under a lock on the staff row) only when a forged code arrives.
 * The call that reaches the limit writes "blocked until the oldest leaves the window" on the staff row
 * (staff.forged_blocked_until), which every staff call has already read, so a genuine code costs no query.
 * That is exact: the count in the window can only fall between two forged codes, so "count >= limit" holds
 * exactly while now < oldest + window; a call that read the row just before a concurrent block committed is
 * simply ordered before it.
 */
export const FORGED_CODE_LIMIT = 5
export const FORGED_CODE_WINDOW_S = 600
const FORGED_ACTION = 'member.code_forged'

/** RATE_LIMITED while the staff row (as read by this call) says the account is blocked. No query. */
export function assertUnderForgedCodeLimit(ctx: UseCaseContext, staff: StaffRow): void {
  if (staff.forgedBlockedUntil && ctx.now < staff.forgedBlockedUntil) throw rateLimited(ctx, staff.forgedBlockedUntil)
}

/**
 * Records the forged code (and, at the limit, that the account is now slowed down), then refuses; the record
 * commits. Counted under the staff row's lock, so concurrent forged codes from one account take turns and at
 * most FORGED_CODE_LIMIT are ever recorded in a window.
 */
export async function refuseForgedCode(ctx: UseCaseContext, staff: StaffRow): Promise<never> {
  const since = new Date(ctx.now.getTime() - FORGED_CODE_WINDOW_S * 1000)
  const recent = await lockStaffAndCountRecent(ctx.tx, staff.id, FORGED_ACTION, since)
  const windowEndOf = (oldest: Date | null) => new Date((oldest ?? ctx.now).getTime() + FORGED_CODE_WINDOW_S * 1000)
  // Another call reached the limit after this one read the staff row.
  if (recent.count >= FORGED_CODE_LIMIT) throw rateLimited(ctx, windowEndOf(recent.oldestAt))
  await writeAudit(ctx.tx, { staffId: staff.id, action: FORGED_ACTION, memberId: null, detail: {}, createdAt: ctx.now })
  if (recent.count + 1 >= FORGED_CODE_LIMIT) {
    await setForgedBlockedUntil(ctx.tx, staff.id, windowEndOf(recent.oldestAt))
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: 'staff.rate_limited',
      memberId: null,
      detail: { reason: 'forged member codes', count: recent.count + 1, windowS: FORGED_CODE_WINDOW_S },
      createdAt: ctx.now,
    })
  }
  throw new RecordedRefusal('CODE_FORGED')
}

function rateLimited(ctx: UseCaseContext, freeAt: Date): AppError {
  const minutes = Math.max(1, Math.ceil((freeAt.getTime() - ctx.now.getTime()) / 60_000))
  return new AppError('RATE_LIMITED', `无效会员码次数过多，请 ${minutes} 分钟后再试`)
}
