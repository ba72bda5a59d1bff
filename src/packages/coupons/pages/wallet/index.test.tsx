import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeApi } from '../../../../../tests/ui/api-mock'
import { aMemberCoupon, goldOnly, walletPage } from '../../../../../tests/ui/coupon-fixtures'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { ApiError, callApi } from '../../../../services/api'
import WalletPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const counts = { usable: 3, used: 1, expired: 0 }
const soon = new Date(Date.now() + 3 * 3600_000).toISOString()

describe('我的券包', () => {
  it('shows 可用 first with counts on the tabs, soonest to expire first, greyed with the reason when not usable yet', async () => {
    routeApi(callApiMock, {
      listMyCoupons: (input) => {
        const { tab } = input as { tab: string }
        if (tab === 'usable')
          return walletPage(
            [
              aMemberCoupon({ id: '1', name: '快到期', validTo: soon }),
              aMemberCoupon({ id: '2', name: '明天起', state: 'not_yet', reason: '明天起可用' }),
              aMemberCoupon({ id: '3', name: '金卡专享', ...goldOnly, reason: '仅限金卡' }),
            ],
            counts,
          )
        return walletPage([aMemberCoupon({ id: '9', name: '用过的', state: 'used', usedAt: '2026-11-20T06:03:00.000Z', reason: '已于 11-20 14:03 核销' })], counts)
      },
    })
    render(<WalletPage />)
    const rows = await screen.findAllByTestId('wallet-coupon')
    expect(callApiMock).toHaveBeenCalledWith('listMyCoupons', { tab: 'usable', limit: 20 })
    expect(screen.getByTestId('wallet-tab-usable')).toHaveTextContent('可用 3')
    expect(screen.getByTestId('wallet-tab-used')).toHaveTextContent('已使用 1')
    expect(screen.getByTestId('wallet-tab-expired')).toHaveTextContent(/^已过期$/)
    expect(rows.map((r) => within(r).getByTestId('coupon-name').textContent)).toEqual(['快到期', '明天起', '金卡专享'])
    expect(within(rows[0]).getByTestId('coupon-expiry-hint')).toHaveTextContent(/到期/)
    expect(rows[0]).not.toHaveClass('coupon-card--greyed')
    expect(rows[1]).toHaveClass('coupon-card--greyed')
    expect(within(rows[1]).getByTestId('coupon-reason')).toHaveTextContent('明天起可用')
    expect(rows[2]).toHaveClass('coupon-card--greyed')
    expect(within(rows[2]).getByTestId('coupon-reason')).toHaveTextContent('仅限金卡')

    fireEvent.click(rows[0])
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/detail/index?id=1' }))

    fireEvent.click(screen.getByTestId('wallet-tab-used'))
    await waitFor(() => expect(screen.getAllByTestId('wallet-coupon')).toHaveLength(1))
    expect(callApiMock).toHaveBeenCalledWith('listMyCoupons', { tab: 'used', limit: 20 })
    expect(screen.getByTestId('wallet-coupon')).toHaveTextContent('11-20 14:03 已使用')
    expect(screen.getByTestId('wallet-coupon')).toHaveClass('coupon-card--greyed')
  })

  it('pages on with the cursor, and shows an empty state per tab with a way to the 领券中心', async () => {
    routeApi(callApiMock, {
      listMyCoupons: (input) => {
        const { tab, cursor } = input as { tab: string; cursor?: string }
        if (tab === 'expired') return walletPage([], { usable: 2, used: 0, expired: 0 })
        return cursor
          ? walletPage([aMemberCoupon({ id: '2', name: '第二页' })], { usable: 2, used: 0, expired: 0 })
          : walletPage([aMemberCoupon({ id: '1' })], { usable: 2, used: 0, expired: 0 }, 'c1')
      },
    })
    render(<WalletPage />)
    await screen.findAllByTestId('wallet-coupon')
    act(() => __taro.reachBottom())
    await waitFor(() => expect(screen.getAllByTestId('wallet-coupon')).toHaveLength(2))
    expect(callApiMock).toHaveBeenCalledWith('listMyCoupons', { tab: 'usable', cursor: 'c1', limit: 20 })
    expect(screen.getByText('没有更多了')).toBeInTheDocument()

    fireEvent.click(screen.getByTestId('wallet-tab-expired'))
    expect(await screen.findByText('没有过期的优惠券')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('wallet-center-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/center/index' }))
  })

  it('an empty 可用 tab offers 去领券', async () => {
    routeApi(callApiMock, { listMyCoupons: () => walletPage([], { usable: 0, used: 0, expired: 0 }) })
    render(<WalletPage />)
    expect(await screen.findByText('暂无可用的优惠券')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('wallet-empty-center'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/center/index' }))
  })

  it('offline: error with 重试 under the tabs, and a way back', async () => {
    let fail = true
    routeApi(callApiMock, {
      listMyCoupons: () => {
        if (fail) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return walletPage([aMemberCoupon()], counts)
      },
    })
    render(<WalletPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(screen.getByTestId('wallet-tabs')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('sub-page-back'))
    // Opened directly (a deep link): back goes to the card tab.
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/card/index' }))
    fail = false
    fireEvent.click(screen.getByTestId('state-retry'))
    expect(await screen.findByTestId('wallet-coupon')).toBeInTheDocument()
  })
})

describe('我的券包 on coming back', () => {
  it('refreshes when the page shows again (a coupon used meanwhile moves out of 可用), keeping the list on screen', async () => {
    let used = false
    routeApi(callApiMock, {
      listMyCoupons: () =>
        used ? walletPage([], { usable: 0, used: 1, expired: 0 }) : walletPage([aMemberCoupon({ id: '1' })], { usable: 1, used: 0, expired: 0 }),
    })
    render(<WalletPage />)
    await screen.findByTestId('wallet-coupon')
    used = true
    act(() => __taro.show())
    expect(screen.queryByTestId('state-loading')).toBeNull()
    expect(await screen.findByText('暂无可用的优惠券')).toBeInTheDocument()
    expect(screen.getByTestId('wallet-tab-used')).toHaveTextContent('已使用 1')
  })
})
