import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { aRedemption } from '../../../../../tests/ui/mall-fixtures'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { ApiError, callApi } from '../../../../services/api'
import RedemptionsPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const listCalls = () => callApiMock.mock.calls.filter(([name]) => name === 'listMyRedemptions').map(([, input]) => input)

describe('我的兑换', () => {
  it('lists 待领取 with the last day, pages on with the cursor, and opens a redemption', async () => {
    routeCheckedApi(callApiMock, {
      listMyRedemptions: (input) => {
        const { cursor } = input as { cursor?: string }
        if (!cursor) return { redemptions: [aRedemption(), aRedemption({ id: '502', itemName: '保温杯', quantity: 2, points: 3000 })], nextCursor: '502' }
        return { redemptions: [aRedemption({ id: '503', itemName: '帆布袋' })], nextCursor: null }
      },
    })
    render(<RedemptionsPage />)
    await screen.findByTestId('redemption-list')
    const rows = screen.getAllByTestId('redemption-row')
    expect(rows[0]).toHaveTextContent('马克杯 ×1')
    expect(within(rows[0]).getByTestId('redemption-status')).toHaveTextContent('待领取')
    // Lapses at 12-08 00:00 store time: the last day is 12-07.
    expect(within(rows[0]).getByTestId('redemption-note')).toHaveTextContent('请在 2026-12-07 前到店领取')
    expect(rows[1]).toHaveTextContent('3,000 积分')
    act(() => __taro.reachBottom())
    await waitFor(() => expect(screen.getAllByTestId('redemption-row')).toHaveLength(3))
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
    expect(listCalls()).toEqual([
      { tab: 'held', limit: 20 },
      { tab: 'held', limit: 20, cursor: '502' },
    ])
    fireEvent.click(screen.getAllByTestId('redemption-row')[2])
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/mall/pages/redemption/index?id=503' }))
  })

  it('switches tabs: 已完成 shows when it was picked up, 已取消 the points returned; empty tabs lead to the mall', async () => {
    routeCheckedApi(callApiMock, {
      listMyRedemptions: (input) => {
        const { tab } = input as { tab: string }
        if (tab === 'held') return { redemptions: [], nextCursor: null }
        if (tab === 'done') return { redemptions: [aRedemption({ status: 'picked_up', pickedUpAt: '2026-11-23T06:02:00.000Z', cancellable: false })], nextCursor: null }
        return { redemptions: [aRedemption({ status: 'expired', pointsReturned: 1000, closedAt: '2026-12-07T16:00:00.000Z', cancellable: false })], nextCursor: null }
      },
    })
    render(<RedemptionsPage />)
    expect(await screen.findByText('没有待领取的礼品')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('redemption-tab-done'))
    expect(await screen.findByTestId('redemption-note')).toHaveTextContent('已领取 · 2026-11-23 14:02')
    fireEvent.click(screen.getByTestId('redemption-tab-closed'))
    await waitFor(() => expect(screen.getByTestId('redemption-status')).toHaveTextContent('已过期'))
    expect(screen.getByTestId('redemption-note')).toHaveTextContent('1,000 积分已退回')
    fireEvent.click(screen.getByTestId('redemption-tab-held'))
    fireEvent.click(await screen.findByTestId('redemptions-empty-mall'))
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mall/index' }))
  })

  it('offline: the error, the back bar, and the list once the network is back', async () => {
    let fail = true
    routeCheckedApi(callApiMock, {
      listMyRedemptions: () => {
        if (fail) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { redemptions: [aRedemption()], nextCursor: null }
      },
    })
    render(<RedemptionsPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
    fail = false
    act(() => void window.dispatchEvent(new Event('online')))
    expect(await screen.findByTestId('redemption-list')).toBeInTheDocument()
  })
})
