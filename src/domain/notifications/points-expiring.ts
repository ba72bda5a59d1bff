import type { NotificationDraft } from './points-credited'

/**
 * 「积分即将过期」: sent at the store's warning and last-call thresholds (30 and 7 days before, by default), only
 * to members with points expiring then. The dedupe key names the member, the expiry and the threshold, so each
 * reminder goes once even when the job runs twice.
 */
export interface PointsExpiringFacts {
  memberId: number
  points: number
  /** The lots' expiry instant (exclusive: usable until just before it). */
  expiresAt: Date
  /** The last usable day in store time, 'YYYY-MM-DD' (shown: "将于 2026-12-31 过期"). */
  lastDay: string
  /** The threshold that triggered it (30, 7 …). */
  threshold: number
  daysLeft: number
}

export function pointsExpiringNotification(f: PointsExpiringFacts): NotificationDraft {
  return {
    kind: 'points_expiring',
    dedupeKey: `points_expiring:${f.memberId}:${f.expiresAt.toISOString()}:${f.threshold}`,
    title: '积分即将过期',
    body: `您有 ${f.points} 积分将于 ${f.lastDay} 过期（还剩 ${f.daysLeft} 天），快去积分商城兑换吧。`,
    payload: { title: '积分即将过期', points: f.points, lastDay: f.lastDay, daysLeft: f.daysLeft },
  }
}
