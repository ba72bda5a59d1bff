import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeApi } from '../../../../../tests/ui/api-mock'
import { aMemberCoupon, COUPON_CODE, oneCoupon } from '../../../../../tests/ui/coupon-fixtures'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { ApiError, callApi } from '../../../../services/api'
import { qrDataUri } from '../../../../features/member-code/encode'
import CouponDetailPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const instanceMock = Taro.getCurrentInstance as unknown as jest.Mock
const originalEnv = process.env.TARO_ENV

beforeEach(() => instanceMock.mockReturnValue({ router: { params: { id: '101' } }, page: {} }))
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

describe('coupon detail', () => {
  it('shows the code of the coupon in the query as a QR and grouped digits, with its terms', async () => {
    routeApi(callApiMock, { getMyCoupon: () => oneCoupon(aMemberCoupon({ code: COUPON_CODE, description: '仅限堂食' })) })
    render(<CouponDetailPage />)
    const qr = await screen.findByTestId('coupon-qr')
    expect(callApiMock).toHaveBeenCalledWith('getMyCoupon', { id: '101' })
    expect(qr.getAttribute('src') === qrDataUri(COUPON_CODE)).toBe(true)
    expect(screen.getByTestId('coupon-digits')).toHaveTextContent('C1 1234 5678 9012 3456 7890')
    expect(screen.getByTestId('coupon-detail-card')).toHaveTextContent('有效期至 2099-11-30 23:59')
    expect(screen.getByTestId('coupon-terms')).toHaveTextContent('满减券')
    expect(screen.getByTestId('coupon-terms')).toHaveTextContent('仅限堂食')
    fireEvent.click(screen.getByTestId('coupon-copy'))
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: COUPON_CODE }))
  })

  it('a used coupon shows no code, only why', async () => {
    routeApi(callApiMock, {
      getMyCoupon: () => oneCoupon(aMemberCoupon({ state: 'used', usedAt: '2026-11-20T06:03:00.000Z', reason: '已于 11-20 14:03 核销', code: COUPON_CODE })),
    })
    render(<CouponDetailPage />)
    expect(await screen.findByTestId('coupon-no-code')).toHaveTextContent('已使用')
    expect(screen.getByTestId('coupon-reason')).toHaveTextContent('已于 11-20 14:03 核销')
    expect(screen.queryByTestId('coupon-qr')).toBeNull()
    expect(screen.queryByTestId('coupon-digits')).toBeNull()
  })

  it('on WeChat raises the brightness while the code shows and restores it when the page hides', async () => {
    process.env.TARO_ENV = 'weapp'
    routeApi(callApiMock, { getMyCoupon: () => oneCoupon(aMemberCoupon({ code: COUPON_CODE })) })
    render(<CouponDetailPage />)
    await screen.findByTestId('coupon-qr')
    await waitFor(() => expect(Taro.setScreenBrightness).toHaveBeenCalledWith({ value: 1 }))
    act(() => __taro.hide())
    await waitFor(() => expect(Taro.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.5 }))
  })

  it('another member’s coupon (or none): the error, with 重试 and a way back', async () => {
    routeApi(callApiMock, {
      getMyCoupon: () => {
        throw new ApiError('COUPON_NOT_FOUND', '未找到该优惠券')
      },
    })
    render(<CouponDetailPage />)
    expect(await screen.findByText('未找到该优惠券')).toBeInTheDocument()
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
  })
})
