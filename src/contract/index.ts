import type { z } from 'zod'
import { birthdayApi } from './birthday'
import { mallApi } from './mall'
import { mallItemsApi } from './mall-items'
import { tillPickupsApi } from './till-pickups'
import { eventsApi } from './events'
import { eventPublishingApi } from './event-publishing'
import { eventDoorApi } from './event-door'
import { cardApi } from './card'
import { couponTemplatesApi } from './coupon-templates'
import { couponsApi } from './coupons'
import { notificationsApi } from './notifications'
import { pointsApi } from './points'
import { sessionApi } from './session'
import { tillApi } from './till'
import { tillCouponsApi } from './till-coupons'
import { tillRefundsApi } from './till-refunds'

/**
 * The whole contract, for the server (dispatch) and for tests. Client code imports its own feature's file
 * (`contract/card`, `contract/till`, …) instead, so a member page never bundles the till's schemas; from here it
 * takes types only (`import type`), which cost nothing at run time.
 */
export const api = {
  ...sessionApi,
  ...cardApi,
  ...pointsApi,
  ...tillApi,
  ...notificationsApi,
  ...couponsApi,
  ...couponTemplatesApi,
  ...tillCouponsApi,
  ...tillRefundsApi,
  ...birthdayApi,
  ...mallApi,
  ...tillPickupsApi,
  ...mallItemsApi,
  ...eventsApi,
  ...eventPublishingApi,
  ...eventDoorApi,
} as const

export type ApiName = keyof typeof api
export type ApiInput<N extends ApiName> = z.input<(typeof api)[N]['input']>
export type ApiParsedInput<N extends ApiName> = z.output<(typeof api)[N]['input']>
export type ApiOutput<N extends ApiName> = z.infer<(typeof api)[N]['output']>

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(api, name)
}

export * from './enums'
export * from './errors'
export * from './fields'
export * from './card'
export * from './points'
export * from './session'
export * from './till'
export * from './notifications'
export * from './coupons'
export * from './coupon-templates'
export * from './till-coupons'
export * from './till-refunds'
export * from './birthday'
export * from './mall'
export * from './till-pickups'
export * from './mall-items'
export * from './events'
export * from './event-publishing'
export * from './event-door'
export { zodIssuesToFields } from './zod-fields'
