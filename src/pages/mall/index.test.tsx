import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeCheckedApi } from '../../../tests/ui/api-mock'
import { aBalance, aMallItem, goldItem } from '../../../tests/ui/mall-fixtures'
import { __taro } from '../../../tests/ui/taro-mock'
import { ApiError, callApi } from '../../services/api'
import MallPage from './index'

jest.mock('../../services/api', () => require('../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const items = () => screen.getAllByTestId('mall-item')

describe('积分商城 tab', () => {
  it('shows the balance, what expires, and each item with its price, tier, stock, window and action', async () => {
    routeCheckedApi(callApiMock, {
      listMallItems: () => ({
        balance: aBalance(),
        items: [
          aMallItem(),
          aMallItem({ id: '22', name: '保温杯', pointsPrice: 1500, state: 'insufficient', reason: '差 220 分', shortBy: 220, spendToAffordFen: 22000 }),
          aMallItem({ id: '23', name: '帆布袋', stockLeft: 3, lowStock: true, ...goldItem, imageUrl: '/files/bag.png' }),
          aMallItem({ id: '24', name: '周边礼盒', stockLeft: 0, lowStock: true, state: 'sold_out', reason: '已兑完' }),
          aMallItem({ id: '25', name: '新年礼', state: 'not_started', reason: '12月1日 10:00 开兑', redeemFrom: '2026-12-01T02:00:00.000Z' }),
        ],
      }),
    })
    render(<MallPage />)
    expect(await screen.findByTestId('mall-balance-points')).toHaveTextContent('1,280')
    expect(screen.getByTestId('mall-expiring')).toHaveTextContent('860 分将于 2026-12-31 过期')
    const [mug, flask, bag, box, newYear] = items()
    expect(within(mug).getByTestId('mall-item-price')).toHaveTextContent('1,000 积分')
    expect(within(mug).getByTestId('mall-item-redeem')).toHaveTextContent('立即兑换')
    expect(within(mug).getByTestId('mall-picture-placeholder')).toBeInTheDocument()

    expect(within(flask).queryByTestId('mall-item-redeem')).toBeNull()
    expect(within(flask).getByTestId('mall-item-short')).toHaveTextContent('差 220 分可兑')
    expect(within(flask).getByTestId('mall-item-progress')).toHaveStyle({ width: '85%' })
    expect(within(flask).getByTestId('mall-item-spend')).toHaveTextContent('再消费 ¥220 即可兑换')

    expect(within(bag).getByTestId('mall-item-tier')).toHaveTextContent('金卡专享')
    expect(within(bag).getByTestId('mall-item-stock')).toHaveTextContent('仅剩 3 件')
    expect(within(bag).getByTestId('mall-picture')).toBeInTheDocument()
    expect(within(box).getByTestId('mall-item-stock')).toHaveTextContent('已兑完')
    expect(within(box).getByTestId('mall-item-blocked')).toHaveTextContent('已兑完')
    expect(within(newYear).getByTestId('mall-item-window')).toHaveTextContent('12月1日 10:00 开兑')

    fireEvent.click(flask)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/mall/pages/item/index?id=22' }))
    fireEvent.click(screen.getByTestId('mall-redemptions-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/mall/pages/redemptions/index' }))
  })

  it('shows a skeleton while loading, and no expiry line when nothing expires', async () => {
    let answer: (v: unknown) => void = () => undefined
    routeCheckedApi(callApiMock, { listMallItems: () => new Promise((resolve) => (answer = resolve)) })
    render(<MallPage />)
    expect(screen.getByTestId('mall-skeleton')).toBeInTheDocument()
    await act(async () => answer({ balance: aBalance({ expiring: null }), items: [aMallItem()] }))
    expect(await screen.findByTestId('mall-list')).toBeInTheDocument()
    expect(screen.queryByTestId('mall-skeleton')).toBeNull()
    expect(screen.queryByTestId('mall-expiring')).toBeNull()
  })

  it('says when there is nothing to redeem, still with the way to 我的兑换', async () => {
    routeCheckedApi(callApiMock, { listMallItems: () => ({ balance: aBalance(), items: [] }) })
    render(<MallPage />)
    expect(await screen.findByText('暂无可兑换的商品')).toBeInTheDocument()
    expect(screen.getByTestId('mall-redemptions-link')).toBeInTheDocument()
  })

  it('an error offers 重试; offline it reloads by itself when the network is back', async () => {
    let fail: 'network' | 'internal' | null = 'internal'
    routeCheckedApi(callApiMock, {
      listMallItems: () => {
        if (fail === 'internal') throw new ApiError('INTERNAL', '系统繁忙，请稍后再试')
        if (fail === 'network') throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { balance: aBalance(), items: [aMallItem()] }
      },
    })
    render(<MallPage />)
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument()
    fail = 'network'
    fireEvent.click(screen.getByTestId('state-retry'))
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    fail = null
    act(() => void window.dispatchEvent(new Event('online')))
    expect(await screen.findByTestId('mall-list')).toBeInTheDocument()
  })

  it('pull to refresh reloads and stops the spinner; offline it keeps the items with a banner', async () => {
    let round = 0
    routeCheckedApi(callApiMock, {
      listMallItems: () => {
        round += 1
        if (round === 2) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { balance: aBalance({ points: round === 1 ? 1280 : 980 }), items: [aMallItem()] }
      },
    })
    render(<MallPage />)
    expect(await screen.findByTestId('mall-balance-points')).toHaveTextContent('1,280')
    act(() => __taro.pullDownRefresh())
    expect(await screen.findByTestId('offline-banner')).toBeInTheDocument()
    expect(screen.getByTestId('mall-list')).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    act(() => __taro.pullDownRefresh())
    await waitFor(() => expect(screen.getByTestId('mall-balance-points')).toHaveTextContent('980'))
    expect(screen.queryByTestId('offline-banner')).toBeNull()
  })
})
