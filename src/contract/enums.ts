/**
 * Every enumeration the app stores, in one place: the zod schemas (contract) and the database CHECK constraints
 * (src/cloud/db/schema.ts) are both built from these arrays, so a new ledger reason or role is one edit here plus
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
export const LEDGER_REASONS = ['earn', 'redeem', 'refund', 'expire', 'birthday', 'referral', 'event', 'adjust'] as const
export type LedgerReason = (typeof LEDGER_REASONS)[number]

export const MEMBER_STATUSES = ['active', 'closed'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

/** What a notification is about: each kind has its in-app text and, per store, an optional WeChat template. */
export const NOTIFICATION_KINDS = ['points_credited'] as const
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
