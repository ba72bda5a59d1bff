import Taro from '@tarojs/taro'
import { PAGE_LOAD_FAILED, pagePreloader } from './page-load'

/** Every route the client navigates to, in one place (the same strings as app.config.ts). */
export const routes = {
  card: '/pages/card/index',
  mall: '/pages/mall/index',
  events: '/pages/events/index',
  me: '/pages/me/index',
  openCard: '/packages/member/pages/open-card/index',
  points: '/packages/member/pages/points/index',
  notifications: '/packages/member/pages/notifications/index',
  till: '/packages/staff/pages/till/index',
  refund: '/packages/staff/pages/refund/index',
  couponCenter: '/packages/coupons/pages/center/index',
  wallet: '/packages/coupons/pages/wallet/index',
  couponDetail: '/packages/coupons/pages/detail/index',
  birthday: '/packages/coupons/pages/birthday/index',
  mallItem: '/packages/mall/pages/item/index',
  redemptions: '/packages/mall/pages/redemptions/index',
  redemption: '/packages/mall/pages/redemption/index',
  couponTemplates: '/packages/console/pages/coupon-templates/index',
  couponTemplate: '/packages/console/pages/coupon-template/index',
  consoleMallItems: '/packages/console/pages/mall-items/index',
  consoleMallItem: '/packages/console/pages/mall-item/index',
  consoleMallRedemptions: '/packages/console/pages/mall-redemptions/index',
  eventDetail: '/packages/events/pages/detail/index',
  myRegistrations: '/packages/events/pages/registrations/index',
  registration: '/packages/events/pages/registration/index',
  door: '/packages/staff/pages/door/index',
  consoleEvents: '/packages/console/pages/events/index',
  consoleEvent: '/packages/console/pages/event/index',
  consoleEventResults: '/packages/console/pages/event-results/index',
} as const

export type Route = (typeof routes)[keyof typeof routes]
const tabs: ReadonlyArray<Route> = [routes.card, routes.mall, routes.events, routes.me]

/**
 * Opens a page, with an optional query (`{ id: '42' }`; tabs take none). Its code is loaded first (H5), so offline
 * the user is told instead of left on a blank switch.
 */
export function go(route: Route, query?: Record<string, string>): void {
  const search = query ? Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') : ''
  const url = search ? `${route}?${search}` : route
  const navigate = () => {
    const done = tabs.includes(route) ? Taro.switchTab({ url: route }) : Taro.navigateTo({ url })
    Promise.resolve(done).catch(() => undefined)
  }
  const preload = pagePreloader(route)
  if (!preload) return navigate()
  void preload().then((loaded) => {
    if (loaded) navigate()
    else Taro.showToast({ title: PAGE_LOAD_FAILED, icon: 'none', duration: 3000 }).catch(() => undefined)
  })
}

/** Back to the previous page, or to the card tab when the page was opened directly (e.g. by URL on H5). */
export function backOr(route: Route): void {
  const stack = Taro.getCurrentPages()
  if (stack.length > 1) {
    Promise.resolve(Taro.navigateBack()).catch(() => go(route))
  } else {
    go(route)
  }
}
