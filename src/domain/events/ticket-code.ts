import { randomDigits } from '../random-digits'

/**
 * An event registration's ticket: 'E1' (kind E = event, format version 1) and 20 random digits. It names one
 * registration, so it checks in for that registration's event only. The prefix lets the one staff scanner route
 * it (src/domain/scan-code.ts), like the coupon's C1 and the pick-up's P1.
 */
export const EVENT_TICKET_PREFIX = 'E1'
const DIGITS = 20

export function newTicketCode(randomBytes: (n: number) => Uint8Array): string {
  return EVENT_TICKET_PREFIX + randomDigits(DIGITS, randomBytes)
}

/** 'E1 2345 6789 0123 4567 8901': groups of four after the prefix, for reading aloud or typing at the door. */
export function formatTicketCode(code: string): string {
  const body = code.slice(EVENT_TICKET_PREFIX.length)
  return [EVENT_TICKET_PREFIX, ...(body.match(/.{1,4}/g) ?? [])].join(' ')
}
