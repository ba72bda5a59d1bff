import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, integer, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { EVENT_STATUSES, REGISTRATION_CANCEL_REASONS, REGISTRATION_SOURCES, REGISTRATION_STATUSES, TIER_CODES } from '../../../contract/enums'
import { createdAt, instant, sqlList } from './columns'
import { members, pointsLedger, staff, stores } from './core'

/**
 * Member events (会员活动). Every limit is enforced by a write: seats by the guarded increment of seats_taken (a
 * CHECK keeps it ≤ capacity, so a capacity edit below it fails too), one live registration per member and event
 * by a partial unique index, the waitlist order by waitlist_seq handed out under the event row's lock, one
 * check-in per registration by the status guard, one reward per check-in by its ledger key.
 */

export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    status: text('status').notNull().default('draft'),
    title: text('title').notNull(),
    description: text('description'),
    /** The cover's key in the storage port (as a mall item's picture). */
    coverKey: text('cover_key'),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    place: text('place').notNull(),
    capacity: integer('capacity').notNull(),
    /** Registered + attended + no-show: moved only by guarded updates under this row's lock. */
    seatsTaken: integer('seats_taken').notNull().default(0),
    /** Members waiting now (kept with the waitlist's writes, under this row's lock). */
    waitlistCount: integer('waitlist_count').notNull().default(0),
    /** The last waitlist position handed out: positions only grow, so arrival order is their order. */
    waitlistSeq: integer('waitlist_seq').notNull().default(0),
    /** Sign-up window; null: from publishing / until the start. */
    signupFrom: instant('signup_from'),
    signupUntil: instant('signup_until'),
    /** Only this tier and above may sign up; null: everyone. */
    minTierCode: text('min_tier_code'),
    /** Tier-early access: this tier and above may sign up from early_signup_from. */
    earlyTierCode: text('early_tier_code'),
    earlySignupFrom: instant('early_signup_from'),
    pointsCost: integer('points_cost').notNull().default(0),
    rewardPoints: integer('reward_points').notNull().default(0),
    /** Hours before the start after which a registered member can no longer cancel; null: the store's setting. */
    cancelCutoffHours: smallint('cancel_cutoff_hours'),
    /** scheduled: shown from; published: when it went out. */
    publishAt: instant('publish_at'),
    publishedAt: instant('published_at'),
    notifyOnPublish: boolean('notify_on_publish').notNull().default(false),
    /** When the publish notice was queued (once: the scheduled-publish job and a retry both check it). */
    noticeQueuedAt: instant('notice_queued_at'),
    /** Last change of time or place after publishing (the members' banner). */
    changedAt: instant('changed_at'),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    cancelledByStaffId: integer('cancelled_by_staff_id').references(() => staff.id),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createRequestId: text('create_request_id').notNull(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('events_store_request_uq').on(t.storeId, t.createRequestId),
    index('events_store_starts_ix').on(t.storeId, t.startsAt, t.id),
    // The publishing job: scheduled events whose time has come.
    index('events_scheduled_ix').on(t.publishAt).where(sql`${t.status} = 'scheduled'`),
    check('events_status_ck', sql`${t.status} in (${sqlList(EVENT_STATUSES)})`),
    check('events_min_tier_ck', sql`${t.minTierCode} in (${sqlList(TIER_CODES)})`),
    check('events_early_tier_ck', sql`${t.earlyTierCode} in (${sqlList(TIER_CODES)})`),
    check('events_early_ck', sql`(${t.earlyTierCode} is null) = (${t.earlySignupFrom} is null)`),
    check('events_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity_ck', sql`${t.capacity} between 1 and 10000`),
    check('events_seats_ck', sql`${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.capacity}`),
    check('events_waitlist_ck', sql`${t.waitlistCount} >= 0 and ${t.waitlistCount} <= ${t.waitlistSeq}`),
    check('events_points_ck', sql`${t.pointsCost} >= 0 and ${t.rewardPoints} >= 0`),
    check('events_cutoff_ck', sql`${t.cancelCutoffHours} is null or ${t.cancelCutoffHours} between 0 and 168`),
    check('events_cancelled_ck', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
  ],
)

/**
 * One member's registration for one event; never deleted (cancellations and no-shows are history). At most one
 * live (not cancelled) registration per member and event: a re-sign-up after a cancel is a new row.
 * `request_key` is the sign-up's idempotency key (`<memberId>:<requestId>`); `ticket_code`: E1 + 20 digits.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    eventId: bigint('event_id', { mode: 'number' }).notNull().references(() => events.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    status: text('status').notNull(),
    source: text('source').notNull().default('signup'),
    requestKey: text('request_key').notNull(),
    ticketCode: text('ticket_code').notNull(),
    /** Waitlisted: the position handed out (arrival order); kept after promotion as history. */
    waitlistSeq: integer('waitlist_seq'),
    /** When the seat was given (sign-up or promotion). */
    registeredAt: instant('registered_at'),
    /** The points cost paid with the seat, its 'event' debit, and its refund on a cancel. */
    pointsPaid: integer('points_paid').notNull().default(0),
    debitEntryId: bigint('debit_entry_id', { mode: 'number' }).references(() => pointsLedger.id),
    refundEntryId: bigint('refund_entry_id', { mode: 'number' }).references(() => pointsLedger.id),
    pointsRefunded: integer('points_refunded'),
    checkedInAt: instant('checked_in_at'),
    checkedInByStaffId: integer('checked_in_by_staff_id').references(() => staff.id),
    /** The check-in's idempotency key (`<staffId>:<requestId>`): the same clerk's retry gets the first result. */
    checkInRequestKey: text('check_in_request_key'),
    /** Check-ins so far (a void and a new check-in make 2): each one's reward has its own ledger key. */
    checkInCount: integer('check_in_count').notNull().default(0),
    rewardEntryId: bigint('reward_entry_id', { mode: 'number' }).references(() => pointsLedger.id),
    noShowAt: instant('no_show_at'),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('event_registrations_store_request_uq').on(t.storeId, t.requestKey),
    uniqueIndex('event_registrations_ticket_uq').on(t.ticketCode),
    uniqueIndex('event_registrations_live_uq').on(t.eventId, t.memberId).where(sql`${t.status} <> 'cancelled'`),
    // Promotion: the first waitlister.
    index('event_registrations_waitlist_ix').on(t.eventId, t.waitlistSeq).where(sql`${t.status} = 'waitlisted'`),
    index('event_registrations_event_status_ix').on(t.eventId, t.status),
    // 我的活动: a member's registrations, newest first (keyset on id).
    index('event_registrations_member_ix').on(t.memberId, t.id),
    check('event_registrations_status_ck', sql`${t.status} in (${sqlList(REGISTRATION_STATUSES)})`),
    check('event_registrations_source_ck', sql`${t.source} in (${sqlList(REGISTRATION_SOURCES)})`),
    check('event_registrations_cancel_reason_ck', sql`${t.cancelReason} in (${sqlList(REGISTRATION_CANCEL_REASONS)})`),
    check('event_registrations_cancelled_ck', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    check('event_registrations_waitlisted_ck', sql`${t.status} <> 'waitlisted' or ${t.waitlistSeq} is not null`),
    check('event_registrations_attended_ck', sql`(${t.status} = 'attended') = (${t.checkedInAt} is not null)`),
    check('event_registrations_checked_by_ck', sql`(${t.checkedInAt} is null) = (${t.checkedInByStaffId} is null)`),
    check('event_registrations_points_ck', sql`${t.pointsPaid} >= 0`),
  ],
)

/** An attendee's rating (1–5) and comment, one per registration, changeable for 7 days after it was first given. */
export const eventFeedback = pgTable(
  'event_feedback',
  {
    registrationId: bigint('registration_id', { mode: 'number' }).primaryKey().references(() => eventRegistrations.id),
    eventId: bigint('event_id', { mode: 'number' }).notNull().references(() => events.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('event_feedback_event_ix').on(t.eventId, t.createdAt),
    check('event_feedback_rating_ck', sql`${t.rating} between 1 and 5`),
  ],
)
