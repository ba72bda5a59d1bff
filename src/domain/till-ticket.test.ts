import { signTillTicket, TILL_TICKET_MAX_AGE_S, verifyTillTicket } from './till-ticket'

const secret = 'test-secret-for-tickets'
const at = new Date('2026-11-22T03:59:30Z')
const later = (s: number) => new Date(at.getTime() + s * 1000)

describe('till tickets', () => {
  it('names the member for the clerk who scanned, up to and including the last second', () => {
    const ticket = signTillTicket('10000001', 7, at, secret)
    expect(verifyTillTicket(ticket, 7, later(TILL_TICKET_MAX_AGE_S), secret)).toEqual({ ok: true, memberNo: '10000001' })
    expect(verifyTillTicket(ticket, 7, later(TILL_TICKET_MAX_AGE_S + 1), secret)).toEqual({ ok: false, reason: 'TICKET_STALE' })
  })

  it("is refused to another clerk, so a ticket cannot be passed along", () => {
    const ticket = signTillTicket('10000001', 7, at, secret)
    expect(verifyTillTicket(ticket, 8, later(1), secret)).toEqual({ ok: false, reason: 'TICKET_INVALID' })
  })

  it('is refused when any part is altered or it was signed with another secret', () => {
    const ticket = signTillTicket('10000001', 7, at, secret)
    const [, staff, issued, sig] = ticket.split('.')
    expect(verifyTillTicket(`10000002.${staff}.${issued}.${sig}`, 7, later(1), secret).ok).toBe(false)
    expect(verifyTillTicket(`10000001.${staff}.${Number(issued) + 300}.${sig}`, 7, later(1), secret).ok).toBe(false)
    expect(verifyTillTicket(signTillTicket('10000001', 7, at, 'other-secret'), 7, later(1), secret).ok).toBe(false)
  })

  it('is refused when dated in the future or malformed', () => {
    expect(verifyTillTicket(signTillTicket('10000001', 7, later(60), secret), 7, at, secret)).toEqual({ ok: false, reason: 'TICKET_INVALID' })
    for (const junk of ['', '10000001.7.1', 'a.b.c.d', '1'.repeat(24)]) expect(verifyTillTicket(junk, 7, at, secret).ok).toBe(false)
  })
})
