/**
 * Every enumeration the app stores, in one place: the zod schemas (contract) and the database CHECK constraints
 * (src/cloud/db/schema/) are both built from these arrays, so a new ledger reason or role is one edit here plus
 * a generated migration, and the two can never disagree.
 */
export const TIER_CODES = ['normal', 'silver', 'gold', 'diamond'] as const
export type TierCode = (typeof TIER_CODES)[number]

export const STAFF_ROLES = ['clerk', 'manager', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** A caller's role as the client sees it: staff roles, or 'member' for everyone else. */
export const ROLES = ['member', ...STAFF_ROLES] as const
export type Role = (typeof ROLES)[number]

/** Why points moved. Every ledger entry names one; a reversal is a new entry with its own reason. */
// 'clawback': points taken back from a refunded purchase ('refund' is points given back to the member).
export const LEDGER_REASONS = ['earn', 'redeem', 'refund', 'expire', 'birthday', 'referral', 'event', 'adjust', 'clawback'] as const
export type LedgerReason = (typeof LEDGER_REASONS)[number]

export const MEMBER_STATUSES = ['active', 'closed'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

/** What a notification is about: each kind has its in-app text and, per store, an optional WeChat template. */
export const NOTIFICATION_KINDS = [
  'points_credited',
  'birthday_gift',
  'coupon_expiring',
  'points_expiring',
  'mall_redemption_expired',
  // Events: a new event published; 2 hours before start; the waitlist's outcome (promoted, or skipped because the
  // member can no longer pay or qualify); a time or place change, or the event's cancellation.
  'event_published',
  'event_reminder',
  'event_waitlist',
  'event_changed',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/**
 * The WeChat channel of one notification (the in-app copy needs no delivery):
 * none (no template configured), pending → sending → sent; retry (WeChat said "busy", try later); skipped (no
 * consent, consent refused by WeChat, card closed, data WeChat would refuse); failed (gave up, or the outcome is
 * unknown: a crash after the call, never resent).
 */
export const DELIVERY_STATUSES = ['none', 'pending', 'sending', 'retry', 'sent', 'skipped', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** requestSubscribeMessage's answer per template id. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number]

export const JOB_RUN_STATUSES = ['running', 'done', 'interrupted', 'failed'] as const
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number]

/** 满减 (amount off above a threshold), 折扣 (pay a percentage, optional cap), 兑换 (a named gift). */
export const COUPON_KINDS = ['amount_off', 'percent_off', 'gift'] as const
export type CouponKind = (typeof COUPON_KINDS)[number]

/**
 * How members get a template's coupons: claimed in the 领券中心, or only issued (the birthday job, the points
 * mall, a staff grant). A member coupon records the channel it came by.
 */
export const COUPON_CHANNELS = ['claim', 'birthday', 'mall', 'grant'] as const
export type CouponChannel = (typeof COUPON_CHANNELS)[number]

/** A stopped template issues nothing new; coupons already issued are untouched. */
export const COUPON_TEMPLATE_STATUSES = ['active', 'stopped'] as const
export type CouponTemplateStatus = (typeof COUPON_TEMPLATE_STATUSES)[number]

/** A fixed use window, or N days from the claim (ending 23:59:59 store time on the last day). */
export const COUPON_VALIDITY_KINDS = ['fixed', 'days'] as const
export type CouponValidityKind = (typeof COUPON_VALIDITY_KINDS)[number]

/**
 * A member coupon's stored state. Whether an 'available' coupon can be used *now* is decided from its stored
 * dates at the moment of use and display (never by a job having run); 'expired' is stored only when a voided
 * verification or a refund returns a coupon whose end has passed.
 */
export const MEMBER_COUPON_STATUSES = ['available', 'used', 'expired'] as const
export type MemberCouponStatus = (typeof MEMBER_COUPON_STATUSES)[number]

/** What the member sees on a coupon in the wallet (computed from status and dates). */
export const COUPON_STATES = ['usable', 'not_yet', 'used', 'expired'] as const
export type CouponState = (typeof COUPON_STATES)[number]

/** A template's state in the 领券中心 for one member: 可领 / 已领 / 已抢光 / 未开始 / 仅限金卡 / 已结束. */
export const CLAIM_STATES = ['claimable', 'claimed', 'sold_out', 'not_started', 'tier_locked', 'ended'] as const
export type ClaimState = (typeof CLAIM_STATES)[number]

/**
 * When earned points expire (a store setting): 'year_end_next' — points earned in calendar year Y (store time)
 * expire at the end of Y+1; 'never'. Each lot keeps the expiry it was earned with: a rule change never re-dates
 * a lot, except that switching expiry on gives never-expiring lots one full period from the switch.
 */
export const POINTS_EXPIRY_RULES = ['year_end_next', 'never'] as const
export type PointsExpiryRule = (typeof POINTS_EXPIRY_RULES)[number]

/** A points-mall item: a gift picked up in store, or a coupon (a 'mall' template) delivered to the wallet at once. */
export const MALL_ITEM_KINDS = ['gift', 'coupon'] as const
export type MallItemKind = (typeof MALL_ITEM_KINDS)[number]

/** A stopped item is no longer redeemable (and hidden from members); redemptions already made are untouched. */
export const MALL_ITEM_STATUSES = ['on_sale', 'stopped'] as const
export type MallItemStatus = (typeof MALL_ITEM_STATUSES)[number]

/** The per-member limit counts redemptions in total, or per calendar month (store time). */
export const MALL_LIMIT_PERIODS = ['total', 'month'] as const
export type MallLimitPeriod = (typeof MALL_LIMIT_PERIODS)[number]

/**
 * A redemption, two-phase for gifts (points held at redemption by the 'redeem' debit):
 *   held (待领取) → picked_up (已领取: the hold is final) → returned (a manager took it back: points refunded);
 *   held → cancelled (the member cancelled) or expired (not picked up in time): points refunded, stock back.
 * A coupon item is 'delivered' at once (the coupon is in the wallet).
 */
export const REDEMPTION_STATUSES = ['held', 'picked_up', 'cancelled', 'expired', 'returned', 'delivered'] as const
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number]

/** What a mall item looks like to one member now (computed from its stored rules, the stock and the member). */
export const MALL_ITEM_STATES = ['redeemable', 'insufficient', 'sold_out', 'not_started', 'ended', 'tier_locked', 'limit_reached'] as const
export type MallItemState = (typeof MALL_ITEM_STATES)[number]

/** Notices for the store's managers (in the console), queued in the same transaction as their cause. */
export const STAFF_NOTICE_KINDS = ['mall_low_stock'] as const
export type StaffNoticeKind = (typeof STAFF_NOTICE_KINDS)[number]

/**
 * An event (会员活动) as the manager leaves it: a draft (not shown), scheduled (shown and open for sign-up from
 * publish_at; the publishing job queues its notice then), published, or cancelled (every registration cancelled,
 * points refunded). Whether it is upcoming, on or over is computed from its stored times, never stored.
 */
export const EVENT_STATUSES = ['draft', 'scheduled', 'published', 'cancelled'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

/**
 * One member's registration for one event, kept for ever (a cancel or a no-show is history, never deleted):
 *   registered (holds a seat; charged its points cost) → attended (checked in; void → registered) or no_show (the
 *   end-of-event job) or cancelled (by the member before the cut-off, or by the event's cancellation: refunded);
 *   waitlisted (no seat, never charged; a position in arrival order) → registered (promoted when a seat frees) or
 *   cancelled (left the waitlist, skipped at promotion, or the event was cancelled).
 */
export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'attended', 'no_show', 'cancelled'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

/** Why a registration was cancelled. */
export const REGISTRATION_CANCEL_REASONS = ['member', 'event_cancelled', 'promotion_skipped'] as const
export type RegistrationCancelReason = (typeof REGISTRATION_CANCEL_REASONS)[number]

/** How a registration came to be: the member's sign-up, or a walk-in checked in at the door (现场补签). */
export const REGISTRATION_SOURCES = ['signup', 'walk_in'] as const
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number]

/**
 * What the sign-up button says to one member now (computed from the event's stored rules, its seats and the
 * member): 立即报名 / 加入候补 / X 开始报名 / 报名已截止 / 仅限金卡及以上 / 活动已结束 / 活动已取消.
 */
export const EVENT_SIGNUP_STATES = ['open', 'waitlist', 'not_started', 'closed', 'tier_locked', 'ended', 'cancelled'] as const
export type EventSignupState = (typeof EVENT_SIGNUP_STATES)[number]

/** The consents the sign-up tap asks for (WeChat allows 3 per popup): 活动提醒, 候补转正 (the waitlist's outcome), 活动变更. */
export const EVENT_CONSENT_KINDS = ['event_reminder', 'event_waitlist', 'event_changed'] as const satisfies readonly NotificationKind[]
