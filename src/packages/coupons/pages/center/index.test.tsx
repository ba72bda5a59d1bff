import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeApi } from '../../../../../tests/ui/api-mock'
import { aClaimable, aMemberCoupon, claimableList, claimed, goldOnly } from '../../../../../tests/ui/coupon-fixtures'
import { ApiError, callApi } from '../../../../services/api'
import CouponCenterPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const requestSubscribeMock = Taro.requestSubscribeMessage as unknown as jest.Mock
const originalEnv = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = originalEnv
  requestSubscribeMock.mockReset()
})

const cards = () => screen.getAllByTestId('claimable-coupon')
const button = (card: HTMLElement) => within(card).getByTestId('claim-button')

describe('领券中心', () => {
  it('shows each coupon with its face, condition, validity, stock and its state for me', async () => {
    routeApi(callApiMock, {
      listClaimableCoupons: () =>
        claimableList([
          aClaimable(),
          aClaimable({ templateId: '12', name: '全场8.8折', kind: 'percent_off', amountOffFen: null, discountPct: 88, thresholdFen: 0, maxDiscountFen: 5000, state: 'claimed', reason: '已领', claimedByMe: 1, validity: { kind: 'fixed', validFrom: '2099-11-01', validTo: '2099-11-30', validDays: null } }),
          aClaimable({ templateId: '13', name: '拿铁兑换券', kind: 'gift', amountOffFen: null, thresholdFen: 0, giftName: '拿铁一杯', remaining: 0, state: 'sold_out', reason: '已抢光' }),
          aClaimable({ templateId: '14', state: 'not_started', reason: '12月1日 10:00 开抢' }),
          aClaimable({ templateId: '15', ...goldOnly, state: 'tier_locked', reason: '仅限金卡' }),
          aClaimable({ templateId: '16', state: 'ended', reason: '已结束', remaining: null, totalQuantity: null }),
        ]),
    })
    render(<CouponCenterPage />)
    await screen.findByTestId('claimable-list')
    const [first, second, third, fourth, fifth, sixth] = cards()
    expect(within(first).getByTestId('coupon-face')).toHaveTextContent('¥30')
    expect(within(first).getByTestId('coupon-condition')).toHaveTextContent('满200可用')
    expect(first).toHaveTextContent('领取后 7 天内有效')
    expect(within(first).getByTestId('coupon-stock')).toHaveTextContent('剩余 40 张')
    expect(button(first)).toHaveTextContent('立即领取')
    expect(button(first)).not.toHaveClass('nut-button-disabled')

    expect(within(second).getByTestId('coupon-face')).toHaveTextContent('8.8折')
    expect(within(second).getByTestId('coupon-condition')).toHaveTextContent('无门槛，最多减¥50')
    expect(second).toHaveTextContent('2099.11.01-2099.11.30 可用')
    expect(button(second)).toHaveTextContent('已领取')
    expect(button(second)).toHaveClass('nut-button-disabled')

    expect(within(third).getByTestId('coupon-face')).toHaveTextContent('兑换')
    expect(within(third).getByTestId('coupon-condition')).toHaveTextContent('拿铁一杯')
    expect(button(third)).toHaveTextContent('已抢光')
    expect(button(fourth)).toHaveTextContent('未开始')
    expect(within(fourth).getByTestId('claim-reason')).toHaveTextContent('12月1日 10:00 开抢')
    expect(button(fifth)).toHaveTextContent('仅限金卡')
    expect(button(sixth)).toHaveTextContent('已结束')
    expect(within(sixth).queryByTestId('coupon-stock')).toBeNull()
    // The H5 back bar, and a way to the wallet.
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('center-wallet-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/wallet/index' }))
  })

  it('claims once per tap with a request id, busy meanwhile, then says so and shows 已领取', async () => {
    let answer: (v: unknown) => void = () => undefined
    routeApi(callApiMock, {
      listClaimableCoupons: () => claimableList([aClaimable(), aClaimable({ templateId: '12', name: '第二张' })]),
      claimCoupon: () => new Promise((resolve) => (answer = resolve)),
    })
    render(<CouponCenterPage />)
    await screen.findByTestId('claimable-list')
    fireEvent.click(button(cards()[0]))
    await waitFor(() => expect(callApiMock).toHaveBeenCalledWith('claimCoupon', { templateId: '11', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }))
    // While it is on its way no claim button takes another tap.
    await waitFor(() => expect(button(cards()[1])).toHaveClass('nut-button-disabled'))
    fireEvent.click(button(cards()[0]))
    fireEvent.click(button(cards()[1]))
    expect(callApiMock.mock.calls.filter(([name]) => name === 'claimCoupon')).toHaveLength(1)
    await act(async () => answer(claimed(aMemberCoupon())))
    await waitFor(() => expect(button(cards()[0])).toHaveTextContent('已领取'))
    expect(within(cards()[0]).getByTestId('coupon-stock')).toHaveTextContent('剩余 39 张')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '领取成功，已放入券包' }))
    expect(button(cards()[1])).not.toHaveClass('nut-button-disabled')
  })

  it('after a network failure the next tap repeats the same request id; a refusal shows why', async () => {
    const ids: string[] = []
    let round = 0
    routeApi(callApiMock, {
      listClaimableCoupons: () => claimableList([aClaimable(), aClaimable({ templateId: '12', name: '第二张' })]),
      claimCoupon: (input) => {
        const { templateId, requestId } = input as { templateId: string; requestId: string }
        if (templateId === '12') throw new ApiError('COUPON_SOLD_OUT', '优惠券已抢光')
        ids.push(requestId)
        round += 1
        if (round === 1) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return claimed(aMemberCoupon(), true)
      },
    })
    render(<CouponCenterPage />)
    await screen.findByTestId('claimable-list')
    fireEvent.click(button(cards()[0]))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' })))
    expect(button(cards()[0])).toHaveTextContent('立即领取')
    await waitFor(() => expect(button(cards()[0])).not.toHaveClass('nut-button-disabled'))
    fireEvent.click(button(cards()[0]))
    await waitFor(() => expect(button(cards()[0])).toHaveTextContent('已领取'))
    expect(ids).toHaveLength(2)
    expect(ids[1]).toBe(ids[0])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已领取，可在券包查看' }))

    fireEvent.click(button(cards()[1]))
    await waitFor(() => expect(button(cards()[1])).toHaveTextContent('已抢光'))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '优惠券已抢光' }))
  })

  it('says when there is nothing to claim', async () => {
    routeApi(callApiMock, { listClaimableCoupons: () => claimableList([]) })
    render(<CouponCenterPage />)
    expect(await screen.findByText('暂无可领取的优惠券')).toBeInTheDocument()
  })

  it('offline: the error with 重试, the back bar, and the list once the network is back', async () => {
    let fail = true
    routeApi(callApiMock, {
      listClaimableCoupons: () => {
        if (fail) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return claimableList([aClaimable()])
      },
    })
    render(<CouponCenterPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
    fail = false
    // The browser reports the network back: no tap needed.
    act(() => void window.dispatchEvent(new Event('online')))
    expect(await screen.findByTestId('claimable-list')).toBeInTheDocument()
  })

  it('without a card: 去开卡', async () => {
    routeApi(callApiMock, {
      listClaimableCoupons: () => {
        throw new ApiError('NOT_A_MEMBER', '请先开通会员卡')
      },
    })
    render(<CouponCenterPage />)
    fireEvent.click(await screen.findByText('去开卡'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/pages/open-card/index' }))
  })

  it('on WeChat, asks for the 到期提醒 consent inside the claim tap, before the claim is sent', async () => {
    process.env.TARO_ENV = 'weapp'
    const order: string[] = []
    requestSubscribeMock.mockImplementation(() => {
      order.push('popup')
      return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'TPL-EXP': 'accept' })
    })
    routeApi(callApiMock, {
      getNotificationSettings: () => ({ unreadCount: 0, templates: [{ kind: 'coupon_expiring', templateId: 'TPL-EXP', label: '优惠券到期提醒', remaining: 0 }] }),
      listClaimableCoupons: () => claimableList([aClaimable()]),
      claimCoupon: () => {
        order.push('claim')
        return claimed(aMemberCoupon())
      },
      recordSubscriptionConsent: (input) => {
        order.push('consent')
        expect(input).toEqual({ requestId: expect.any(String), results: [{ kind: 'coupon_expiring', result: 'accept' }] })
        return { templates: [{ kind: 'coupon_expiring', templateId: 'TPL-EXP', label: '优惠券到期提醒', remaining: 1 }] }
      },
    })
    render(<CouponCenterPage />)
    await screen.findByTestId('claimable-list')
    await waitFor(() => expect(callApiMock).toHaveBeenCalledWith('getNotificationSettings', {}))
    fireEvent.click(button(cards()[0]))
    expect(requestSubscribeMock).toHaveBeenCalledWith({ tmplIds: ['TPL-EXP'] })
    await waitFor(() => expect(order).toContain('consent'))
    expect(order[0]).toBe('popup')
    expect(order).toContain('claim')
  })
})
