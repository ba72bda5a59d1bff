import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { __taro } from '../../../../../tests/ui/taro-mock'
import Taro from '@tarojs/taro'
import { callApi, hasSession } from '../../../../services/api'
import type { LedgerEntryView } from '../../../../contract/points'
import PointsPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock

const entry = (id: string, reason: LedgerEntryView['reason'], delta: number, note: string | null = null): LedgerEntryView => ({
  id,
  reason,
  delta,
  note,
  createdAt: '2025-03-08T06:03:00.000Z', // 14:03 in the store's zone (UTC+8)
})

describe('points history page', () => {
  it('lists entries with the reason in Chinese, a signed amount and the store-zone time', async () => {
    callApiMock.mockResolvedValue({
      entries: [entry('3', 'earn', 128, '小票 A-1'), entry('2', 'redeem', -50), entry('1', 'birthday', 200)],
      nextCursor: null,
    })
    render(<PointsPage />)
    const rows = await screen.findAllByTestId('ledger-entry')
    expect(rows).toHaveLength(3)
    expect(rows[0]).toHaveTextContent('消费积分')
    expect(rows[0]).toHaveTextContent('+128')
    expect(rows[0]).toHaveTextContent('小票 A-1')
    expect(rows[0]).toHaveTextContent('2025-03-08 14:03')
    expect(rows[1]).toHaveTextContent('积分兑换')
    expect(rows[1]).toHaveTextContent('-50')
    expect(rows[2]).toHaveTextContent('生日礼')
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
    expect(callApiMock).toHaveBeenCalledWith('listPointsHistory', { limit: 20 })
  })

  it('shows the soonest expiry under the balance and labels expired points 积分过期', async () => {
    callApiMock.mockResolvedValue({
      entries: [entry('2', 'expire', -60), entry('1', 'earn', 100)],
      nextCursor: null,
      pointsBalance: 40,
      expiring: { points: 40, lastDay: '2027-12-31' },
    })
    render(<PointsPage />)
    const rows = await screen.findAllByTestId('ledger-entry')
    expect(rows[0]).toHaveTextContent('积分过期')
    expect(rows[0]).toHaveTextContent('-60')
    expect(screen.getByTestId('points-balance-value')).toHaveTextContent('40')
    expect(screen.getByTestId('points-expiring')).toHaveTextContent('40 分将于 2027-12-31 过期')
  })

  it('shows no expiry line when nothing expires', async () => {
    callApiMock.mockResolvedValue({ entries: [entry('1', 'earn', 100)], nextCursor: null, pointsBalance: 100, expiring: null })
    render(<PointsPage />)
    await screen.findAllByTestId('ledger-entry')
    expect(screen.queryByTestId('points-expiring')).not.toBeInTheDocument()
  })

  it('shows an empty state when there are no entries', async () => {
    callApiMock.mockResolvedValue({ entries: [], nextCursor: null })
    render(<PointsPage />)
    expect(await screen.findByText('暂无积分记录')).toBeInTheDocument()
    expect(screen.queryByTestId('ledger-entry')).not.toBeInTheDocument()
  })

  it('loads the next page with the cursor on reaching the bottom, and with 加载更多', async () => {
    callApiMock
      .mockResolvedValueOnce({ entries: [entry('3', 'earn', 10)], nextCursor: '3' })
      .mockResolvedValueOnce({ entries: [entry('2', 'refund', -5)], nextCursor: '2' })
      .mockResolvedValueOnce({ entries: [entry('1', 'expire', -1)], nextCursor: null })
    render(<PointsPage />)
    expect(await screen.findAllByTestId('ledger-entry')).toHaveLength(1)
    act(() => __taro.reachBottom())
    await waitFor(() => expect(screen.getAllByTestId('ledger-entry')).toHaveLength(2))
    expect(callApiMock).toHaveBeenLastCalledWith('listPointsHistory', { cursor: '3', limit: 20 })
    expect(screen.getByText('退款')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('ledger-load-more'))
    await waitFor(() => expect(screen.getAllByTestId('ledger-entry')).toHaveLength(3))
    expect(callApiMock).toHaveBeenLastCalledWith('listPointsHistory', { cursor: '2', limit: 20 })
    expect(screen.getByText('积分过期')).toBeInTheDocument()
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
    act(() => __taro.reachBottom())
    expect(callApiMock).toHaveBeenCalledTimes(3)
  })

  it('shows an error with 重试', async () => {
    const { ApiError } = jest.requireActual('../../../../services/api')
    callApiMock.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    callApiMock.mockResolvedValueOnce({ entries: [entry('1', 'event', 30)], nextCursor: null })
    render(<PointsPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('state-retry'))
    expect(await screen.findByTestId('ledger-entry')).toHaveTextContent('+30')
  })

  it('heads the list with the balance and shows the amount paid on purchase entries', async () => {
    callApiMock.mockResolvedValue({
      entries: [{ ...entry('2', 'earn', 128, '消费 小票 A-1'), amountFen: 12850 }, entry('1', 'birthday', 200)],
      nextCursor: null,
      pointsBalance: 1328,
    })
    render(<PointsPage />)
    expect(await screen.findByTestId('points-balance')).toHaveTextContent('当前积分1,328')
    const rows = screen.getAllByTestId('ledger-entry')
    expect(rows[0]).toHaveTextContent('消费 ¥128.50')
    expect(rows[1]).not.toHaveTextContent('¥')
  })

  it('opened without a session (a deep link in the browser): the demo login, not a dead 请先登录', async () => {
    ;(hasSession as jest.Mock).mockReturnValue(false)
    render(<PointsPage />)
    expect(await screen.findByTestId('dev-login-member')).toBeInTheDocument()
    expect(screen.queryByText('请先登录')).not.toBeInTheDocument()
    expect(callApiMock).not.toHaveBeenCalled()
    ;(hasSession as jest.Mock).mockReturnValue(true)
    callApiMock.mockResolvedValue({ entries: [entry('1', 'event', 30)], nextCursor: null, pointsBalance: 30 })
    fireEvent.click(screen.getByTestId('dev-login-member'))
    expect(await screen.findByTestId('ledger-entry')).toHaveTextContent('+30')
  })

  it('has a way back in the browser', async () => {
    callApiMock.mockResolvedValue({ entries: [], nextCursor: null, pointsBalance: 0 })
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{}, {}])
    render(<PointsPage />)
    fireEvent.click(await screen.findByTestId('sub-page-back'))
    expect(Taro.navigateBack).toHaveBeenCalled()
  })
})
