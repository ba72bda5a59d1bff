/**
 * The BUILT 积分商城 tab (dist/weapp/pages/mall/index, main package) in the mini-program runtime: it asks
 * listMallItems, shows the usable balance and what expires, each item's price, and per item 立即兑换, or "差 X 分可兑"
 * with the progress and "再消费 ¥X 即可兑换", or why it is blocked; a tap opens the item in the packages/mall
 * subpackage. Only wx.* is fake (see ./harness).
 */
import { api, type ApiOutput } from '../../src/contract'
import { aBalance, aMallItem } from '../ui/mall-fixtures'
import { allByClass, createWeapp, tap, waitFor, type WeappHarness } from './harness'

const MALL_PAGE = 'pages/mall/index'

let weapp: WeappHarness
let page: ReturnType<WeappHarness['openPage']>

beforeAll(() => {
  weapp = createWeapp({ page: MALL_PAGE })
  // Checked against the contract's output schema, so the fake cannot drift from what the server sends.
  const ok = <N extends keyof typeof api>(name: N, data: ApiOutput<N>) => ({ ok: true, data: api[name].output.parse(data) })
  weapp.cloud.listMallItems = () =>
    ok('listMallItems', {
      balance: aBalance({ points: 1280, expiring: { points: 860, lastDay: '2026-12-31' }, pointsPerYuan: 1 }),
      items: [
        aMallItem({ id: '21', name: '满50减10券', kind: 'coupon', pointsPrice: 300 }),
        aMallItem({ id: '22', name: '马克杯', pointsPrice: 1500, state: 'insufficient', reason: '差 220 分', shortBy: 220, spendToAffordFen: 22_000 }),
        aMallItem({ id: '23', name: '挂耳咖啡', pointsPrice: 1200, state: 'not_started', reason: '12月1日 00:00 开兑' }),
      ],
    })
  page = weapp.openPage()
})

afterAll(() => weapp?.closePage())

const texts = (cls: string) => allByClass(page.dom, cls).map((e) => e.textContent)

describe('built weapp 积分商城 tab (main package)', () => {
  it('shows the balance, what expires, and each item as redeemable, short by X points, or not yet', async () => {
    await waitFor(() => allByClass(page.dom, 'mall-item').length === 3, 'three mall items')
    expect(weapp.calls.find((c) => c.name === 'listMallItems')).toMatchObject({ group: 'member' })
    expect(texts('mall-page__balance-points')[0]).toContain('1,280')
    expect(texts('mall-page__expiring')[0]).toContain('860 分将于 2026-12-31 过期')
    expect(texts('mall-item__name')).toEqual(['满50减10券', '马克杯', '挂耳咖啡'])
    expect(texts('mall-item__action')).toEqual(['立即兑换'])
    expect(texts('mall-item__short-text')).toEqual(['差 220 分可兑'])
    expect(texts('mall-item__line')).toContain('再消费 ¥220 即可兑换')
    expect(texts('mall-item__blocked')).toEqual(['12月1日 00:00 开兑'])
    expect(weapp.wxmlWarnings).toEqual([])
  })

  it('a tap on an item opens it in the mall subpackage', async () => {
    await tap(allByClass(page.dom, 'mall-item__name')[1])
    await waitFor(() => weapp.navigations.length > 0, 'a navigation')
    expect(weapp.navigations[0]).toEqual({ api: 'navigateTo', url: '/packages/mall/pages/item/index?id=22' })
  })
})
