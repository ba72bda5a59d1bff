import { MAX_SEND_ATTEMPTS, nextAttemptAt } from './backoff'
import { allocateConsents, consentKey } from './consent-allocation'
import { pointsCreditedNotification } from './points-credited'

describe('retry backoff', () => {
  const now = new Date('2026-03-01T00:00:00Z')
  it('waits 1, 2, 4, 8 minutes and gives up at the attempt limit', () => {
    const delays = [1, 2, 3, 4].map((n) => (nextAttemptAt(n, now)!.getTime() - now.getTime()) / 60_000)
    expect(delays).toEqual([1, 2, 4, 8])
    expect(nextAttemptAt(MAX_SEND_ATTEMPTS, now)).toBeNull()
  })
})

describe('allocating consents within a chunk', () => {
  it('gives each (member, template) as many sends as it has consents, oldest notifications first', () => {
    const rows = [
      { id: 3, memberId: 1, templateId: 'T' },
      { id: 1, memberId: 1, templateId: 'T' },
      { id: 2, memberId: 2, templateId: 'T' },
      { id: 4, memberId: 1, templateId: 'U' },
    ]
    const result = allocateConsents(rows, new Map([[consentKey(1, 'T'), 1], [consentKey(1, 'U'), 5]]))
    expect(result.send).toEqual([1, 4])
    expect(result.noConsent).toEqual([2, 3])
    expect([...result.spent]).toEqual([[consentKey(1, 'T'), 1], [consentKey(1, 'U'), 1]])
  })
})

describe('「积分到账」', () => {
  it('is keyed by the receipt and carries nothing that identifies the member', () => {
    const draft = pointsCreditedNotification({ receiptNo: 'R-9', points: 12, balance: 300, amountFen: 1_250, at: new Date('2026-01-01T00:00:00Z') })
    expect(draft).toMatchObject({ kind: 'points_credited', dedupeKey: 'points_credited:purchase:R-9', title: '积分到账' })
    expect(draft.body).toBe('消费 ¥12.50，获得 12 积分，当前可用 300 积分')
    expect(Object.keys(draft.payload).sort()).toEqual(['amountFen', 'at', 'balance', 'points', 'receiptNo', 'title'])
  })
})
