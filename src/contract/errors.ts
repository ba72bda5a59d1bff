/**
 * Every failure the API can report. The code is for programs (tests, the client's branching);
 * the message is Chinese and safe to show to a customer or clerk as is.
 */
export const ERROR_MESSAGES = {
  BAD_INPUT: '输入有误，请检查后重试',
  UNKNOWN_FUNCTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  DEV_LOGIN_DISABLED: '生产环境不支持演示登录',
  NOT_A_MEMBER: '您还没有开通会员卡',
  MEMBER_NOT_FOUND: '未找到该会员',
  MEMBER_CLOSED: '该会员卡已注销',
  CODE_MALFORMED: '无法识别的会员码',
  CODE_FORGED: '会员码无效，请让顾客出示小程序内的会员码',
  CODE_STALE: '会员码已过期，请让顾客刷新后重新出示',
  RECEIPT_CONFLICT: '该小票号已用于其他会员的消费，请核对小票号',
  RECEIPT_AMOUNT_MISMATCH: '该小票号已入账，但金额与本次不同，请核对小票',
  TICKET_INVALID: '查询结果无效，请重新扫码',
  TICKET_STALE: '距扫码已超过 10 分钟，请重新扫码',
  PHONE_CODE_INVALID: '获取微信手机号失败，请重新授权或手动输入',
  PHONE_ALREADY_MEMBER: '该手机号已开通会员卡',
  POINTS_INSUFFICIENT: '积分不足',
  SELF_DEALING: '店员不能为自己的会员卡记录消费，请由其他店员或店长操作',
  BIRTHDAY_LOCKED: '生日如需修改请联系门店',
  BIRTHDAY_IN_FUTURE: '生日不能晚于今天',
  COUPON_NOT_FOUND: '未找到该优惠券',
  COUPON_TEMPLATE_NOT_FOUND: '未找到该优惠券活动',
  COUPON_NOT_CLAIMABLE: '该券不能在领券中心领取',
  COUPON_SOLD_OUT: '优惠券已抢光',
  COUPON_LIMIT_REACHED: '已达到每人限领数量',
  COUPON_CLAIM_NOT_STARTED: '还未到领取时间',
  COUPON_CLAIM_ENDED: '领取已结束',
  COUPON_STOPPED: '该券已停止发放',
  COUPON_TIER_LOCKED: '会员等级不足，暂不能领取或使用',
  COUPON_ALREADY_USED: '该券已核销',
  COUPON_NOT_USABLE: '该券当前不可用',
  COUPON_NOT_APPLICABLE: '未达到该券的使用门槛',
  COUPON_OTHER_MEMBER: '该券不属于当前会员',
  COUPON_NOT_VERIFIED: '该券未核销，或核销已撤销',
  COUPON_VOID_WINDOW_PASSED: '已超过可撤销核销的时间',
  COUPON_TOTAL_BELOW_CLAIMED: '发放总量不能少于已领取数量',
  COUPON_TEMPLATE_INVALID: '优惠券设置有误，请检查后重试',
  PURCHASE_NOT_FOUND: '未找到该小票的消费记录',
  MALL_ITEM_NOT_FOUND: '未找到该商品',
  MALL_ITEM_INVALID: '商品设置有误，请检查后重试',
  MALL_SOLD_OUT: '已兑完',
  MALL_LIMIT_REACHED: '已达到每人限兑数量',
  MALL_NOT_STARTED: '还未到兑换时间',
  MALL_ENDED: '兑换已结束',
  MALL_STOPPED: '该商品已下架',
  MALL_TIER_LOCKED: '会员等级不足，暂不能兑换',
  MALL_QUANTITY_TOO_LARGE: '超过单次兑换数量上限',
  MALL_STOCK_BELOW_REDEEMED: '库存不能少于已兑换数量',
  MALL_ITEM_CHANGED: '商品信息已更新，请刷新后重试',
  REDEMPTION_NOT_FOUND: '未找到该兑换记录',
  REDEMPTION_NOT_CANCELLABLE: '该兑换已领取、已取消或已过期，不能取消',
  REDEMPTION_NOT_RETURNABLE: '只有已领取的礼品可以退回',
  PICKUP_ALREADY_DONE: '该礼品已领取',
  PICKUP_EXPIRED: '该兑换已超过领取期限',
  PICKUP_CLOSED: '该兑换已取消',
  EVENT_NOT_FOUND: '未找到该活动',
  EVENT_INVALID: '活动设置有误，请检查后重试',
  EVENT_CANCELLED: '该活动已取消',
  EVENT_ENDED: '活动已结束',
  EVENT_SIGNUP_NOT_STARTED: '还未到报名时间',
  EVENT_SIGNUP_CLOSED: '报名已截止',
  EVENT_TIER_LOCKED: '会员等级不足，暂不能报名',
  EVENT_ALREADY_REGISTERED: '您已报名该活动',
  EVENT_CAPACITY_BELOW_REGISTERED: '名额不能少于已报名人数',
  EVENT_NOT_EDITABLE: '活动已取消或已结束，不能修改',
  EVENT_ALREADY_PUBLISHED: '活动已发布',
  REGISTRATION_NOT_FOUND: '未找到该报名记录',
  REGISTRATION_NOT_CANCELLABLE: '该报名已签到、已取消或已结束，不能取消',
  REGISTRATION_CANCEL_CUTOFF: '已超过可取消报名的时间',
  EVENT_TICKET_INVALID: '无法识别的活动票码',
  EVENT_TICKET_OTHER_EVENT: '该票不属于当前活动',
  CHECK_IN_NOT_OPEN: '还未到签到时间',
  CHECK_IN_CLOSED: '活动已结束，签到已关闭',
  CHECK_IN_ALREADY_DONE: '已签到',
  CHECK_IN_NOT_REGISTERED: '该会员未报名此活动',
  CHECK_IN_WAITLISTED: '该会员仍在候补中，未获得名额',
  CHECK_IN_CANCELLED: '该会员的报名已取消',
  CHECK_IN_NOT_FOUND: '该报名未签到，或签到已撤销',
  EVENT_FULL: '活动名额已满',
  FEEDBACK_NOT_ALLOWED: '签到后才能评价该活动',
  FEEDBACK_LOCKED: '评价已超过 7 天，不能再修改',
  IMAGE_INVALID: '图片格式不支持，请上传 JPG、PNG 或 WebP 图片',
  IMAGE_TOO_LARGE: '图片不能超过 200 KB',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  /** Field-level problems for BAD_INPUT, keyed by dotted path, Chinese text. */
  fields?: Record<string, string>
}

/** Thrown by use cases and handlers; turned into `{ ok: false, error }` at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? ERROR_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.fields = fields
  }

  toBody(): ApiErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }
