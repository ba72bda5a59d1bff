/**
 * The BUILT 生日礼 page (dist/weapp/packages/coupons/pages/birthday/index) in the mini-program runtime, in the
 * member's birth month: this year's gift with its state and the countdown to the month's end, the coupon one tap
 * away, last year's gift in the history. Only wx.* is fake (see ./harness).
 */
import { api, type ApiOutput } from '../../src/contract'
import { aGift, aMemberCoupon } from '../ui/coupon-fixtures'
import { allByClass, buttonLabelled, createWeapp, tap, textOf, waitFor, type WeappHarness } from './harness'

const BIRTHDAY_PAGE = 'packages/coupons/pages/birthday/index'

let weapp: WeappHarness
let page: ReturnType<WeappHarness['openPage']>

beforeAll(() => {
  weapp = createWeapp({ page: BIRTHDAY_PAGE })
  const ok = <N extends keyof typeof api>(name: N, data: ApiOutput<N>) => ({ ok: true, data: api[name].output.parse(data) })
  weapp.cloud.getNotificationSettings = () => ok('getNotificationSettings', { unreadCount: 0, templates: [] })
  weapp.cloud.getMyBirthday = () =>
    ok('getMyBirthday', {
      birthday: { month: 11, day: 8 },
      canSet: false,
      inBirthMonth: true,
      // 2 days, 5 hours and a bit from now.
      monthEndsAt: new Date(Date.now() + (2 * 24 + 5) * 3600_000 + 120_000).toISOString(),
      thisYear: aGift(),
      history: [aGift({ year: 2025, points: 0, coupon: aMemberCoupon({ id: '201', name: '生日券', state: 'expired', reason: '已于 11-30 过期' }) })],
      note: null,
    })
  page = weapp.openPage()
})

afterAll(() => weapp?.closePage())

describe('built weapp 生日礼 page (subpackage packages/coupons)', () => {
  it('renders this year’s gift, its state, the countdown and last year’s gift', async () => {
    await waitFor(() => textOf(page.dom, 'birthday-page__gift-title') === '生日快乐！', 'the 生日快乐 gift panel')
    expect(weapp.callsTo('getMyBirthday')).toBe(1)
    expect(textOf(page.dom, 'birthday-page__hero-text')).toBe('我的生日：11 月 8 日')
    expect(textOf(page.dom, 'birthday-page__gift-text')).toBe('生日券（¥50，无门槛） + 100 积分')
    expect(textOf(page.dom, 'birthday-page__gift-state')).toBe('可使用')
    expect(textOf(page.dom, 'birthday-page__countdown')).toBe('生日礼券 还剩 2 天 5 小时')
    expect(allByClass(page.dom, 'birthday-page__history-row').map((r) => r.textContent)).toEqual(['2025 年生日券（¥30，满200可用）已于 11-30 过期'])
    expect(textOf(page.dom, 'birthday-page__locked')).toBe('生日如需修改请联系门店')
    expect(weapp.wxmlWarnings).toEqual([])
  })

  it('the gift coupon is one tap away', async () => {
    await tap(buttonLabelled(page.dom, '出示券码使用'))
    await waitFor(() => weapp.navigations.length > 0, 'a navigation')
    expect(weapp.navigations[0]).toEqual({ api: 'navigateTo', url: '/packages/coupons/pages/detail/index?id=301' })
  })
})
