import type { NotificationDraft } from './points-credited'

/**
 * 「生日礼到账」 and 「优惠券即将过期」: what the member sees. Only the coupon's name, its end and the points; the
 * delivery looks the openid up at send time. Dedupe keys come from what caused them (member and year; coupon),
 * so a job that runs twice queues nothing new.
 */

export interface BirthdayGiftFacts {
  memberId: number
  year: number
  couponName: string | null
  points: number
  validTo: Date | null
}

export function birthdayGiftNotification(f: BirthdayGiftFacts): NotificationDraft {
  const parts = [f.couponName ? `「${f.couponName}」` : null, f.points > 0 ? `${f.points} 积分` : null].filter(Boolean)
  return {
    kind: 'birthday_gift',
    dedupeKey: `birthday_gift:${f.memberId}:${f.year}`,
    title: '生日快乐',
    body: `您的生日礼已到账：${parts.join('和')}，生日当月有效，记得到店使用。`,
    payload: {
      title: '生日礼已到账',
      gift: parts.join('+') || '生日礼',
      points: f.points,
      validTo: f.validTo ? f.validTo.toISOString() : '',
    },
  }
}

export interface CouponExpiringFacts {
  couponId: number
  couponName: string
  validTo: Date
  /** Whole days left, for the text. */
  daysLeft: number
}

export function couponExpiringNotification(f: CouponExpiringFacts): NotificationDraft {
  return {
    kind: 'coupon_expiring',
    dedupeKey: `coupon_expiring:${f.couponId}`,
    title: '优惠券即将过期',
    body: `您的「${f.couponName}」将在 ${f.daysLeft} 天后过期，别忘了到店使用。`,
    payload: { title: '优惠券即将过期', coupon: f.couponName, validTo: f.validTo.toISOString(), daysLeft: f.daysLeft },
  }
}
