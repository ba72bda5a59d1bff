import { z } from 'zod'
import { REGISTRATION_SOURCES, REGISTRATION_STATUSES } from './enums'
import { eventTicketCode, idString, requestId, text, tierView } from './fields'

/**
 * The door of an event (staff): the events whose check-in is open, the live door list with counts, check-in by
 * the ticket (E1… in the one scanner) or by the member code (the clerk picks the event), 现场补签 for a walk-in,
 * and a manager's void of a check-in (its reward reversed). Check-in is for the ticket's own event only, from
 * 2 hours before the start to the end, in store time; a second scan answers 已签到 14:02 · 小王.
 */

export const doorEventView = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  /** Seats taken, and of them checked in. */
  registeredCount: z.number().int(),
  attendedCount: z.number().int(),
  waitlistCount: z.number().int(),
  seatsLeft: z.number().int(),
  rewardPoints: z.number().int(),
  /** Now inside [start − 2 h, end]. */
  checkInOpen: z.boolean(),
  checkInOpensAt: z.string(),
})
export type DoorEventView = z.infer<typeof doorEventView>

export const doorEntryView = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  memberNo: z.string(),
  nickname: z.string(),
  phoneMasked: z.string(),
  tier: tierView,
  status: z.enum(REGISTRATION_STATUSES),
  source: z.enum(REGISTRATION_SOURCES),
  waitlistPosition: z.number().int().nullable(),
  /** Checked in: when and by whom ("已签到 14:02 · 小王"). */
  checkedIn: z.object({ at: z.string(), staffName: z.string() }).nullable(),
  /** Why this registration cannot be checked in now (已签到 14:02 · 小王 / 候补中 / 已取消 …), or null. */
  reason: z.string().nullable(),
})
export type DoorEntryView = z.infer<typeof doorEntryView>

export const eventDoorApi = {
  /** Today's events and those whose check-in is open (store time), soonest first. */
  staffListDoorEvents: {
    input: z.object({}).strict(),
    output: z.object({ events: z.array(doorEventView) }),
  },
  /** The live door list: counts and every registration (masked), checked-in last first, then by name. */
  staffGetDoorList: {
    input: z.object({ eventId: idString }).strict(),
    output: z.object({ event: doorEventView, entries: z.array(doorEntryView) }),
  },
  /** What a scanned ticket is, whose (masked), and whether it can be checked in now, or why not. Writes nothing. */
  staffPreviewTicket: {
    input: z.object({ ticketCode: eventTicketCode }).strict(),
    output: z.object({ entry: doorEntryView, event: doorEventView }),
  },
  /**
   * Checks a registration in: by its ticket (refused for any other event than `eventId` when the door has one
   * chosen: EVENT_TICKET_OTHER_EVENT), or by the member (`memberTicket` from staffLookupMember) and the chosen
   * `eventId`. The attendance reward is credited once (ledger 'event'). `requestId`: a retry returns the first
   * result (`repeated`); anyone else gets CHECK_IN_ALREADY_DONE with when and by whom. Waitlisted or cancelled:
   * refused with the reason.
   */
  staffCheckIn: {
    input: z
      .object({
        eventId: idString.optional(),
        ticketCode: eventTicketCode.optional(),
        memberTicket: text({ label: '查询凭证', max: 200 }).optional(),
        requestId,
      })
      .strict()
      .superRefine((v, ctx) => {
        const by = [v.ticketCode, v.memberTicket].filter((x) => x !== undefined).length
        if (by !== 1) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['ticketCode'], message: '请扫描活动票码或会员码' })
        if (v.memberTicket !== undefined && v.eventId === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['eventId'], message: '请先选择活动' })
      }),
    output: z.object({ entry: doorEntryView, event: doorEventView, rewardPoints: z.number().int(), repeated: z.boolean() }),
  },
  /**
   * 现场补签: a walk-in (the member from staffLookupMember) takes a free seat and is checked in at once (EVENT_FULL
   * when none is free; their waitlisted or cancelled registration is used when they have one). No points cost is
   * charged at the door; the reward is credited as for any attendee.
   */
  staffWalkIn: {
    input: z.object({ eventId: idString, memberTicket: text({ label: '查询凭证', max: 200 }), requestId }).strict(),
    output: z.object({ entry: doorEntryView, event: doorEventView, rewardPoints: z.number().int(), repeated: z.boolean() }),
  },
  /** A manager voids a check-in made by mistake: back to registered, the reward taken back (never below zero). Audited. */
  staffVoidCheckIn: {
    input: z.object({ registrationId: idString, reason: text({ label: '撤销原因', max: 60 }) }).strict(),
    output: z.object({ entry: doorEntryView, pointsTakenBack: z.number().int() }),
  },
} as const
