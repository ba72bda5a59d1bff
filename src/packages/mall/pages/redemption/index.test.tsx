import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { aRedemption, PICKUP_CODE } from '../../../../../tests/ui/mall-fixtures'
import { ApiError, callApi } from '../../../../services/api'
import RedemptionPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock

const originalEnv = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})
beforeEach(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: '501' } }, page: {} }))

describe('兑换详情', () => {
  it('a held gift: the QR and the code in groups of four at full brightness, the last day, and 取消兑换 returns the points', async () => {
    // WeChat: brightness is raised there only (and it has its own back bar).
    process.env.TARO_ENV = 'weapp'
    let cancelled = 0
    routeCheckedApi(callApiMock, {
      getMyRedemption: (input) => {
        expect(input).toEqual({ redemptionId: '501' })
        return { redemption: aRedemption({ pickupCode: PICKUP_CODE }) }
      },
      cancelMyRedemption: () => {
        cancelled += 1
        return { redemption: aRedemption({ status: 'cancelled', pointsReturned: 1000, closedAt: '2026-11-23T07:00:00.000Z', cancellable: false }), pointsBalance: 2280 }
      },
    })
    render(<RedemptionPage />)
    expect(await screen.findByTestId('pickup-qr')).toBeInTheDocument()
    expect(screen.getByTestId('pickup-digits')).toHaveTextContent('P1 1234 5678 9012 3456 7890')
    expect(screen.getByTestId('pickup-deadline')).toHaveTextContent('请在 2026-12-07 前到店领取')
    await waitFor(() => expect(Taro.setScreenBrightness).toHaveBeenCalledWith({ value: 1 }))
    fireEvent.click(screen.getByTestId('redemption-cancel'))
    expect(await screen.findByText('取消后 1,000 积分将退回您的账户，礼品不再保留。')).toBeInTheDocument()
    fireEvent.click(screen.getByText('确认取消', { selector: '.nut-button *, .nut-button' }))
    expect(await screen.findByTestId('redemption-returned')).toHaveTextContent('1,000 积分已退回')
    expect(screen.getByTestId('redemption-balance')).toHaveTextContent('当前可用积分 2,280')
    expect(screen.getByTestId('redemption-status')).toHaveTextContent('已取消')
    expect(screen.queryByTestId('pickup-qr')).toBeNull()
    expect(screen.queryByTestId('redemption-cancel')).toBeNull()
    // No code on screen any more: the member's own brightness is back.
    await waitFor(() => expect(Taro.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.5 }))
    expect(cancelled).toBe(1)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消，1,000 积分已退回' }))
  })

  it('picked up: when, and no code', async () => {
    routeCheckedApi(callApiMock, {
      getMyRedemption: () => ({ redemption: aRedemption({ status: 'picked_up', pickedUpAt: '2026-11-23T06:02:00.000Z', cancellable: false }) }),
    })
    render(<RedemptionPage />)
    expect(await screen.findByTestId('redemption-outcome')).toHaveTextContent('已领取 · 2026-11-23 14:02')
    expect(screen.queryByTestId('pickup-qr')).toBeNull()
  })

  it('a refused cancel (picked up meanwhile) says so and shows what it is now', async () => {
    let picked = false
    routeCheckedApi(callApiMock, {
      getMyRedemption: () =>
        picked
          ? { redemption: aRedemption({ status: 'picked_up', pickedUpAt: '2026-11-23T06:02:00.000Z', cancellable: false }) }
          : { redemption: aRedemption({ pickupCode: PICKUP_CODE }) },
      cancelMyRedemption: () => {
        picked = true
        throw new ApiError('REDEMPTION_NOT_CANCELLABLE', '该兑换已领取、已取消或已过期，不能取消')
      },
    })
    render(<RedemptionPage />)
    fireEvent.click(await screen.findByTestId('redemption-cancel'))
    fireEvent.click(await screen.findByText('确认取消', { selector: '.nut-button *, .nut-button' }))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该兑换已领取、已取消或已过期，不能取消' })))
    expect(await screen.findByTestId('redemption-outcome')).toHaveTextContent('已领取')
  })

  it('another member\'s or unknown: the message and the back bar', async () => {
    routeCheckedApi(callApiMock, {
      getMyRedemption: () => {
        throw new ApiError('REDEMPTION_NOT_FOUND', '未找到该兑换记录')
      },
    })
    render(<RedemptionPage />)
    expect(await screen.findByText('未找到该兑换记录')).toBeInTheDocument()
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
  })
})
