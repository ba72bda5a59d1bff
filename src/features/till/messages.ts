import type { ApiError } from '../../services/api'

/**
 * What the clerk reads when the till refuses. The server's Chinese message is already right for most codes;
 * these add the next step for the ones a clerk meets at the counter.
 */
const TILL_HINTS: Partial<Record<ApiError['code'], string>> = {
  CODE_STALE: '会员码已过期，请让顾客在小程序中刷新会员码后重新扫描',
  CODE_FORGED: '会员码无效，请让顾客出示小程序内的实时会员码',
  CODE_MALFORMED: '无法识别的会员码，请重新扫描或核对 24 位数字',
  RECEIPT_CONFLICT: '该小票号已用于其他会员的消费，请核对小票号',
  MEMBER_NOT_FOUND: '未找到该会员，请让顾客确认已开通会员卡',
  MEMBER_CLOSED: '该会员卡已注销，无法积分',
  FORBIDDEN: '当前账号没有收银权限',
  COUPON_NOT_FOUND: '未找到该优惠券，请核对券码或让顾客刷新券码',
  COUPON_OTHER_MEMBER: '该券不属于当前会员，请核对顾客',
  REDEMPTION_NOT_FOUND: '未找到该兑换，请核对领取码或让顾客刷新兑换详情',
}

/**
 * Codes whose server message must be shown as sent: RECEIPT_AMOUNT_MISMATCH states the amount already recorded
 * under that receipt, which the clerk needs to compare with the slip.
 */
const KEEP_SERVER_MESSAGE: ReadonlySet<ApiError['code']> = new Set([
  'RECEIPT_AMOUNT_MISMATCH',
  // "已核销 · 11-20 14:03 · 王芳": when and by whom, so the clerk can tell the customer.
  'COUPON_ALREADY_USED',
  // "还差 ¥12.00 可用" / "明天起可用": the server's reason is the precise one.
  'COUPON_NOT_APPLICABLE',
  'COUPON_NOT_USABLE',
  'COUPON_VOID_WINDOW_PASSED',
  // "已核销 · 11-23 14:02 · 小王": the pick-up was handed over already, when and by whom.
  'PICKUP_ALREADY_DONE',
])

/** After these the till goes back to the scan step with the amount and receipt still filled in. */
const RESCAN: ReadonlySet<ApiError['code']> = new Set(['TICKET_STALE', 'TICKET_INVALID'])

export function tillErrorMessage(error: ApiError): string {
  if (KEEP_SERVER_MESSAGE.has(error.code)) return error.message
  if (RESCAN.has(error.code)) return `${error.message}（金额和小票号已保留）`
  return TILL_HINTS[error.code] ?? error.message
}

/** Success line: "已入账 +128 积分". */
export function earnedText(points: number): string {
  return `已入账 +${points} 积分`
}

export const ALREADY_RECORDED_TEXT = '该小票已入账，未重复积分'
