/**
 * The BUILT 我的券包 (dist/weapp/packages/coupons/pages/wallet/index, subpackage packages/coupons) in the
 * mini-program runtime: the page loads with its subpackage's chunks, asks listMyCoupons for the 可用 tab, renders
 * each coupon's face, condition and validity through base.wxml, the tab counts, and a tap opens the coupon's detail.
 * Only wx.* is fake (see ./harness).
 */
import { api, type ApiOutput } from '../../src/contract'
import { aMemberCoupon, goldOnly } from '../ui/coupon-fixtures'
import { allByClass, createWeapp, tap, waitFor, type WeappHarness } from './harness'

const WALLET_PAGE = 'packages/coupons/pages/wallet/index'

let weapp: WeappHarness
let page: ReturnType<WeappHarness['openPage']>

beforeAll(() => {
  weapp = createWeapp({ page: WALLET_PAGE })
  // Checked against the contract's output schema, so the fake cannot drift from what the server sends.
  const ok = <N extends keyof typeof api>(name: N, data: ApiOutput<N>) => ({ ok: true, data: api[name].output.parse(data) })
  weapp.cloud.listMyCoupons = () =>
    ok('listMyCoupons', {
      coupons: [
        aMemberCoupon({ id: '7', name: '满200减30' }),
        aMemberCoupon({ id: '8', name: '金卡8.8折', kind: 'percent_off', amountOffFen: null, discountPct: 88, thresholdFen: 0, ...goldOnly, state: 'not_yet', reason: '仅限金卡及以上' }),
      ],
      nextCursor: null,
      counts: { usable: 2, used: 1, expired: 0 },
    })
  page = weapp.openPage()
})

afterAll(() => weapp?.closePage())

const texts = (cls: string) => allByClass(page.dom, cls).map((e) => e.textContent)

describe('built weapp 我的券包 (subpackage packages/coupons)', () => {
  it('renders the 可用 tab with counts and each coupon’s face, condition, validity and why it cannot be used yet', async () => {
    await waitFor(() => allByClass(page.dom, 'coupon-card').length === 2, 'two coupon cards')
    expect(weapp.calls.find((c) => c.name === 'listMyCoupons')).toMatchObject({ group: 'member', data: { tab: 'usable', limit: 20 } })
    expect(texts('tab-strip__tab')).toEqual(['可用 2', '已使用 1', '已过期'])
    expect(texts('coupon-card__name')).toEqual(['满200减30', '金卡8.8折'])
    expect(texts('coupon-card__face-main')).toEqual(['¥30', '8.8折'])
    expect(texts('coupon-card__condition')).toEqual(['满200可用', '无门槛'])
    expect(texts('coupon-card__line')).toContain('有效期至 2099-11-30 23:59')
    expect(texts('coupon-card__line')).toContain('仅限金卡及以上')
    expect(allByClass(page.dom, 'coupon-card--greyed')).toHaveLength(1)
    expect(weapp.wxmlWarnings).toEqual([])
  })

  it('a tap on a coupon opens its detail with the id in the query', async () => {
    await tap(allByClass(page.dom, 'coupon-card__name')[0])
    await waitFor(() => weapp.navigations.length > 0, 'a navigation')
    expect(weapp.navigations[0]).toEqual({ api: 'navigateTo', url: '/packages/coupons/pages/detail/index?id=7' })
  })
})
