import type { NotificationKind } from '../../contract/enums'

/**
 * 「积分到账」: what a member sees when a purchase credits points. Only what they must see: points, balance,
 * receipt and time; nothing that identifies them (the delivery looks their openid up at send time).
 */
export interface PointsCreditedFacts {
  receiptNo: string
  points: number
  balance: number
  amountFen: number
  at: Date
}

export interface NotificationDraft {
  kind: NotificationKind
  dedupeKey: string
  title: string
  body: string
  payload: Record<string, string | number>
}

export function pointsCreditedNotification(facts: PointsCreditedFacts): NotificationDraft {
  return {
    kind: 'points_credited',
    // One per receipt: the receipt number is already the purchase's idempotency key.
    dedupeKey: `points_credited:purchase:${facts.receiptNo}`,
    title: '积分到账',
    body: `消费 ¥${(facts.amountFen / 100).toFixed(2)}，获得 ${facts.points} 积分，当前可用 ${facts.balance} 积分`,
    payload: {
      points: facts.points,
      balance: facts.balance,
      amountFen: facts.amountFen,
      receiptNo: facts.receiptNo,
      at: facts.at.toISOString(),
      title: '消费积分到账',
    },
  }
}
