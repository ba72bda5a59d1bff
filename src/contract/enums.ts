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
