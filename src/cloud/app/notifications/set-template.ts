import type { NotificationKind } from '../../../contract/enums'
import { pointsCreditedNotification, type NotificationDraft } from '../../../domain/notifications/points-credited'
import { birthdayGiftNotification, couponExpiringNotification } from '../../../domain/notifications/coupon-notifications'
import { pointsExpiringNotification } from '../../../domain/notifications/points-expiring'
import { redemptionExpiredNotification } from '../../../domain/notifications/mall-notifications'
import {
  eventChangedNotification,
  eventPromotedNotification,
  eventPublishedNotification,
  eventReminderNotification,
} from '../../../domain/notifications/event-notifications'
import { formatTemplateData } from '../../../domain/notifications/template-data'
import type { Db, Tx } from '../../db'
import { upsertNotificationTemplate } from '../../db/repositories/notification-templates'
import { findStoreByCode } from '../../db/repositories/stores'
import { STORE_CODE } from '../store-context'

const SAMPLE_EVENT = { eventId: 1, title: '周六咖啡品鉴会', startsAt: new Date(0), place: '本店二楼' }

/** A typical notification of each kind: a template's field mapping must format it, or it is refused. */
const SAMPLES: Record<NotificationKind, () => NotificationDraft> = {
  points_credited: () => pointsCreditedNotification({ receiptNo: 'A1', points: 88, balance: 1288, amountFen: 8_800, at: new Date(0) }),
  birthday_gift: () => birthdayGiftNotification({ memberId: 1, year: 2026, couponName: '生日 50 元券', points: 200, validTo: new Date(0) }),
  coupon_expiring: () => couponExpiringNotification({ couponId: 1, couponName: '满 200 减 30', validTo: new Date(0), daysLeft: 3 }),
  points_expiring: () =>
    pointsExpiringNotification({ memberId: 1, points: 860, expiresAt: new Date(0), lastDay: '2026-12-31', threshold: 30, daysLeft: 30 }),
  mall_redemption_expired: () => redemptionExpiredNotification({ redemptionId: 1, itemName: '定制帆布袋', pointsReturned: 500 }),
  event_published: () => eventPublishedNotification({ ...SAMPLE_EVENT, memberId: 1, pointsCost: 0, rewardPoints: 50 }),
  event_reminder: () => eventReminderNotification({ ...SAMPLE_EVENT, registrationId: 1 }),
  event_waitlist: () => eventPromotedNotification({ ...SAMPLE_EVENT, registrationId: 1, pointsPaid: 100 }),
  event_changed: () => eventChangedNotification({ ...SAMPLE_EVENT, memberId: 1, changedAt: new Date(0), what: '时间' }),
}

export interface TemplateConfig {
  kind: NotificationKind
  templateId: string
  /** Template key (`thing1`, `number2`, `time3` …) → the notification value it shows. */
  fields: Record<string, string>
  page?: string | null
}

/** Why this template configuration cannot work (unknown key type, a value the kind does not have …), or null. */
export function templateConfigProblem(config: TemplateConfig): string | null {
  if (!/^[\w-]{1,128}$/.test(config.templateId)) return 'template id: letters, digits, - and _ only'
  if (config.page && !/^[\w/.?=&-]{1,256}$/.test(config.page)) return 'page: a mini-program path such as packages/member/pages/notifications/index'
  const formatted = formatTemplateData(config.fields, SAMPLES[config.kind]().payload, 'Asia/Shanghai')
  return formatted.ok ? null : formatted.problems.join('; ')
}

export async function setNotificationTemplateIn(tx: Tx, storeId: number, config: TemplateConfig, now: Date): Promise<void> {
  const problem = templateConfigProblem(config)
  if (problem) throw new Error(`notification template for ${config.kind}: ${problem}`)
  await upsertNotificationTemplate(tx, { storeId, kind: config.kind, templateId: config.templateId, fields: config.fields, page: config.page ?? null, now })
}

/** `npm run store -- set-template …`: store configuration, checked against a sample before it is saved. */
export async function setNotificationTemplate(db: Db, config: TemplateConfig, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const store = await findStoreByCode(tx, STORE_CODE)
    if (!store) throw new Error(`store '${STORE_CODE}' is not set up: run the store setup first`)
    await setNotificationTemplateIn(tx, store.id, config, now)
  })
}

/** The demo store's template: a placeholder id (no real WeChat account behind it), the real shape. */
export const DEMO_POINTS_TEMPLATE: TemplateConfig = {
  kind: 'points_credited',
  templateId: 'DEMO-points-credited-template',
  fields: { thing1: 'title', number2: 'points', number3: 'balance', time4: 'at' },
  page: 'packages/member/pages/notifications/index',
}
