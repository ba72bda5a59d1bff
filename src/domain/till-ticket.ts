import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * A till ticket: "clerk S saw member M's live code at time T", signed by the server at lookup. Recording a
 * purchase needs presence once, not a code that stays fresh through a long checkout or a retry after a timeout;
 * the ticket carries that presence for TILL_TICKET_MAX_AGE_S, and only for the clerk who scanned.
 * Format: memberNo.staffId.issuedAtS.signature (base64url HMAC-SHA256 under its own purpose label).
 */
export const TILL_TICKET_MAX_AGE_S = 600

export type TillTicketCheck = { ok: true; memberNo: string } | { ok: false; reason: 'TICKET_INVALID' | 'TICKET_STALE' }

export function signTillTicket(memberNo: string, staffId: number, issuedAt: Date, secret: string): string {
  const payload = `${memberNo}.${staffId}.${Math.floor(issuedAt.getTime() / 1000)}`
  return `${payload}.${mac(payload, secret)}`
}

/** Valid when signed by us, for this clerk, and at most maxAgeS old (inclusive). */
export function verifyTillTicket(ticket: string, staffId: number, now: Date, secret: string, maxAgeS = TILL_TICKET_MAX_AGE_S): TillTicketCheck {
  const match = /^(\d{8})\.(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(ticket)
  if (!match) return { ok: false, reason: 'TICKET_INVALID' }
  const [, memberNo, ticketStaffId, issuedAtText, signature] = match
  const expected = Buffer.from(mac(`${memberNo}.${ticketStaffId}.${issuedAtText}`, secret))
  if (!timingSafeEqual(Buffer.from(signature), expected)) return { ok: false, reason: 'TICKET_INVALID' }
  // Another clerk's ticket: presence was shown to them, not to this caller.
  if (Number(ticketStaffId) !== staffId) return { ok: false, reason: 'TICKET_INVALID' }
  const ageS = Math.floor(now.getTime() / 1000) - Number(issuedAtText)
  if (ageS < 0) return { ok: false, reason: 'TICKET_INVALID' } // we issued it; it cannot come from the future
  if (ageS > maxAgeS) return { ok: false, reason: 'TICKET_STALE' }
  return { ok: true, memberNo }
}

function mac(payload: string, secret: string): string {
  // A purpose label keeps a ticket signature from ever being valid as any other signature made with this secret.
  return createHmac('sha256', secret).update(`till-ticket\n${payload}`).digest('base64url')
}
