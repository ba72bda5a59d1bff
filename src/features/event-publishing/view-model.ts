import type { AdminEventView, EventNoticePreview, EventResultsView } from '../../contract/event-publishing'
import type { TierCode } from '../../contract/enums'
import { localText, spanText, whenText } from '../event-door/view-model'
import type { TierRule } from './form'

export { localText, spanText, whenText }

export interface StatusBadge {
  text: string
  tone: 'draft' | 'scheduled' | 'published' | 'ended' | 'cancelled'
}

/** 草稿 / 定时 12月1日 10:00 发布 / 已发布 / 已结束 / 已取消. */
export function statusBadge(e: Pick<AdminEventView, 'status' | 'phase' | 'publishAt'>): StatusBadge {
  if (e.status === 'cancelled') return { text: '已取消', tone: 'cancelled' }
  if (e.status === 'draft') return { text: '草稿', tone: 'draft' }
  if (e.status === 'scheduled') return { text: e.publishAt ? `定时 ${whenText(e.publishAt)} 发布` : '定时发布', tone: 'scheduled' }
  if (e.phase === 'ended') return { text: '已结束', tone: 'ended' }
  return { text: e.phase === 'ongoing' ? '已发布 · 进行中' : '已发布', tone: 'published' }
}

/** "已报名 12/20 · 候补 3 · 已签到 5". */
export function countsText(e: Pick<AdminEventView, 'registeredCount' | 'capacity' | 'waitlistCount' | 'attendedCount'>): string {
  return `已报名 ${e.registeredCount}/${e.capacity} · 候补 ${e.waitlistCount} · 已签到 ${e.attendedCount}`
}

export const TAB_LABELS = { active: '进行中/即将开始', draft: '草稿', ended: '已结束', cancelled: '已取消' } as const

export const TIER_RULE_OPTIONS: ReadonlyArray<[TierRule, string]> = [
  ['none', '不限'],
  ['min', '仅限某等级及以上'],
  ['early', '某等级提前报名'],
]

/** Tiers a rule can name (the lowest, 普通会员, is everyone). */
export const RULE_TIER_OPTIONS: ReadonlyArray<[TierCode | null, string]> = [
  ['silver', '银卡'],
  ['gold', '金卡'],
  ['diamond', '钻石'],
]

/** "将通知 N 位会员（其中 M 位可收到微信消息）". */
export const audienceText = (p: Pick<EventNoticePreview, 'audience' | 'wechatReachable'>) => `将通知 ${p.audience} 位会员（其中 ${p.wechatReachable} 位可收到微信消息）`

/** Members a time or place change tells: the registered and the waitlisted. */
export const toldOnChange = (e: Pick<AdminEventView, 'registeredCount' | 'waitlistCount'>) => e.registeredCount + e.waitlistCount

/** 1 decimal in, "★★★★☆" out (rounded to the nearest whole star). */
export function starsText(average: number): string {
  const full = Math.max(0, Math.min(5, Math.round(average)))
  return '★'.repeat(full) + '☆'.repeat(5 - full)
}

/** "活动后 30 天到店消费 ¥1,234.50（8 人）", "统计中" while the 30 days run. */
export function spendText(r: Pick<EventResultsView, 'spendAfterFen' | 'spendAfterMembers' | 'spendWindowClosed'>): string {
  const yuan = (r.spendAfterFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return `活动后 30 天到店消费 ¥${yuan}（${r.spendAfterMembers} 人）${r.spendWindowClosed ? '' : ' · 统计中'}`
}
