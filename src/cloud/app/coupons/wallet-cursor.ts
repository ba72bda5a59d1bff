import { AppError } from '../../../contract'
import type { MemberCouponRow, WalletCursor, WalletTab } from '../../db/repositories/member-coupons'

/** '<sort key in ms>.<id>': opaque to the client, and short (the contract caps it at 64). */
export function encodeWalletCursor(tab: WalletTab, last: MemberCouponRow): string {
  const key = tab === 'used' ? (last.usedAt ?? last.validTo) : last.validTo
  return `${key.getTime()}.${last.id}`
}

export function decodeWalletCursor(cursor: string | undefined): WalletCursor | null {
  if (cursor === undefined) return null
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(cursor)
  if (!m) throw new AppError('BAD_INPUT', '翻页参数有误，请刷新后重试', { cursor: '翻页参数有误' })
  return { at: new Date(Number(m[1])), id: Number(m[2]) }
}
