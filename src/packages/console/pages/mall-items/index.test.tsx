import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { aMallItem } from '../../../../../tests/ui/mall-console-fixtures'
import MallItemsPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '小王' }
const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input)

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

const notice = { id: '5', kind: 'mall_low_stock', title: '库存不足', body: '拾光马克杯仅剩 3 件', createdAt: '2026-11-20T02:00:00.000Z', read: false } as const

describe('积分商城管理', () => {
  it('shows picture, price, 剩余/总库存 with a low-stock badge, status and held gifts; the notices on top, marked read once shown', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listMallItemsAdmin: () => ({
        items: [aMallItem(), aMallItem({ id: '12', name: '满50减10券', kind: 'coupon', couponTemplateId: '3', couponTemplateName: '满50减10', imageKey: null, imageUrl: null, stockTotal: 200, redeemedCount: 0, stockLeft: 200, lowStock: false, heldCount: 0, redeemFrom: '2026-12-01', status: 'stopped' })],
      }),
      listStaffNotices: () => ({ notices: [notice], unread: 1 }),
      markStaffNoticesRead: () => ({ marked: 1 }),
    })
    render(<MallItemsPage />)
    const mug = await screen.findByTestId('mall-card-11')
    expect(mug).toHaveTextContent('1500 积分 · 到店自取')
    expect(within(mug).getByTestId('mall-stock-11')).toHaveTextContent('剩余 3 / 总库存 10')
    expect(within(mug).getByTestId('mall-low-11')).toHaveTextContent('库存紧张')
    expect(within(mug).getByTestId('mall-status-11')).toHaveTextContent('兑换中')
    expect(mug).toHaveTextContent('2 件待领取')
    expect(within(mug).getByTestId('mall-picture-11')).toHaveAttribute('src', '/files/mall/abc.png')

    const coupon = screen.getByTestId('mall-card-12')
    expect(coupon).toHaveTextContent('优惠券「满50减10」')
    expect(coupon).toHaveTextContent('12月1日开兑')
    expect(screen.queryByTestId('mall-low-12')).not.toBeInTheDocument()
    expect(screen.getByTestId('mall-status-12')).toHaveTextContent('已下架')
    expect(screen.getByTestId('mall-toggle-12')).toHaveTextContent('上架')

    expect(screen.getByTestId('mall-notices')).toHaveTextContent('库存不足：拾光马克杯仅剩 3 件')
    expect(screen.getByTestId('mall-notices-unread')).toHaveTextContent('1 条新提醒')
    expect(calls('markStaffNoticesRead')).toEqual([{}])
  })

  it('下架 stops an item in place; 编辑 and 兑换记录 open their pages', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listMallItemsAdmin: () => ({ items: [aMallItem()] }),
      listStaffNotices: () => ({ notices: [], unread: 0 }),
      setMallItemStatus: (input) => ({ item: aMallItem({ status: (input as { status: 'stopped' }).status }) }),
    })
    render(<MallItemsPage />)
    fireEvent.click(await screen.findByTestId('mall-toggle-11'))
    expect(await screen.findByText('已下架', { selector: '[data-testid="mall-status-11"]' })).toBeInTheDocument()
    expect(calls('setMallItemStatus')).toEqual([{ itemId: '11', status: 'stopped' }])
    expect(screen.getByTestId('mall-stock-11')).toHaveTextContent('剩余 3 / 总库存 10')
    expect(calls('markStaffNoticesRead')).toHaveLength(0)
    expect(screen.queryByTestId('mall-notices')).not.toBeInTheDocument()

    fireEvent.click(screen.getByTestId('mall-edit-11'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/mall-item/index?id=11' })
    fireEvent.click(screen.getByTestId('mall-records-11'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/mall-redemptions/index?itemId=11' })
  })

  it('a failed first load is an error with 重试; an empty mall offers 新建商品', async () => {
    let online = false
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listMallItemsAdmin: () => {
        if (!online) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { items: [] }
      },
      listStaffNotices: () => ({ notices: [], unread: 0 }),
    })
    render(<MallItemsPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    online = true
    fireEvent.click(screen.getByTestId('state-retry'))
    expect(await screen.findByText('积分商城还没有商品')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('mall-new'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/mall-item/index' })
  })

  it('is for managers: a clerk is told so and nothing is loaded', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk })
    render(<MallItemsPage />)
    expect(await screen.findByText(/店长/)).toBeInTheDocument()
    expect(calls('listMallItemsAdmin')).toHaveLength(0)
  })
})
