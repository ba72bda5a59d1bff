import { AppError } from '../../../contract'
import { lockStaffAndCountRecent, writeAudit } from '../../db/repositories/audit-log'
import type { StaffRow } from '../../db/repositories/staff'
import { RecordedRefusal } from '../recorded-refusal'
import type { UseCaseContext } from '../store-context'

/**
 * Member codes carry a 6-digit signature: guessable only by trying many, so tries are limited. After
 * FORGED_CODE_LIMIT forged codes within FORGED_CODE_WINDOW_S, that staff account's code lookups are refused
 * (RATE_LIMITED) until the oldest of them leaves the window. Counted from the audit log, in the database, so
 * the limit holds across cloud-function instances; stale or malformed codes are honest mistakes and do not count.
 */
export const FORGED_CODE_LIMIT = 5
export const FORGED_CODE_WINDOW_S = 600
const FORGED_ACTION = 'member.code_forged'

/** How many forged codes this staff member scanned in the window; RATE_LIMITED at the limit. Locks the staff row. */
export async function assertUnderForgedCodeLimit(ctx: UseCaseContext, staff: StaffRow): Promise<number> {
  const since = new Date(ctx.now.getTime() - FORGED_CODE_WINDOW_S * 1000)
  const recent = await lockStaffAndCountRecent(ctx.tx, staff.id, FORGED_ACTION, since)
  if (recent.count < FORGED_CODE_LIMIT) return recent.count
  const freeAtMs = (recent.oldestAt?.getTime() ?? ctx.now.getTime()) + FORGED_CODE_WINDOW_S * 1000
  const minutes = Math.max(1, Math.ceil((freeAtMs - ctx.now.getTime()) / 60_000))
  throw new AppError('RATE_LIMITED', `无效会员码次数过多，请 ${minutes} 分钟后再试`)
}

/** Records the forged code (and, at the limit, that the account is now slowed down), then refuses; the record commits. */
export async function refuseForgedCode(ctx: UseCaseContext, staff: StaffRow, countBefore: number): Promise<never> {
  await writeAudit(ctx.tx, { staffId: staff.id, action: FORGED_ACTION, memberId: null, detail: {}, createdAt: ctx.now })
  if (countBefore + 1 >= FORGED_CODE_LIMIT) {
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: 'staff.rate_limited',
      memberId: null,
      detail: { reason: 'forged member codes', count: countBefore + 1, windowS: FORGED_CODE_WINDOW_S },
      createdAt: ctx.now,
    })
  }
  throw new RecordedRefusal('CODE_FORGED')
}
