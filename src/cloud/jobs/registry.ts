import type { WechatApi } from '../app/wechat-apis'
import { birthdayGiftsJob } from './birthday-gifts'
import { couponExpiryRemindersJob } from './coupon-expiry-reminders'
import { deliverNotificationsJob } from './deliver-notifications'
import { eventNoShowsJob } from './event-no-shows'
import { eventPublishingJob } from './event-publishing'
import { eventRemindersJob } from './event-reminders'
import { mallPickupExpiryJob } from './mall-pickup-expiry'
import type { JobDefinition } from './job'
import { pointsExpiryJob } from './points-expiry'
import { pointsExpiryRemindersJob } from './points-expiry-reminders'

/**
 * Every scheduled job. A feature adds its job here (its file beside this one). The same list drives the
 * gateway's scheduler (`npm start`), `npm run job -- <name>` and the WeChat timer function.
 */
export const JOBS: readonly JobDefinition[] = [
  deliverNotificationsJob,
  birthdayGiftsJob,
  couponExpiryRemindersJob,
  mallPickupExpiryJob,
  pointsExpiryJob,
  pointsExpiryRemindersJob,
  eventNoShowsJob,
  eventPublishingJob,
  eventRemindersJob,
]

const byName = new Map(JOBS.map((job) => [job.name, job]))
if (byName.size !== JOBS.length) throw new Error('jobs: two jobs share a name')

export function findJob(name: string): JobDefinition | undefined {
  return byName.get(name)
}

/** The WeChat server APIs any job calls: the jobs cloud function's config.json permissions. */
export const JOBS_WECHAT_APIS: readonly WechatApi[] = [...new Set(JOBS.flatMap((job) => job.wechatApis))]
