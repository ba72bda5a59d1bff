import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { aLookup, aPurchase, aStaffMember, aTillCoupon, tiers } from '../../../../../tests/ui/fixtures'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import type { ApiOutput } from '../../../../contract'
import TillPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '阿杰' }
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const COUPON_TYPED = 'C1 2345 6789 0123 4567 8901'
const COUPON = 'C12345678901234567890 1'.replace(' ', '')

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input)

async function scan(text: string) {
  render(<TillPage />)
  await screen.findByTestId('till-code-input')
  typeInto('till-code-input', text)
  fireEvent.click(screen.getByTestId('till-lookup'))
}

const fill = (amount: string, receipt: string) => {
  typeInto('till-amount-input', amount)
  typeInto('till-receipt-input', receipt)
}

const holder = { nickname: '小林', phoneMasked: '138****5678', memberNo: 'M00000042', tier: tiers.silver }
const preview = (over: Partial<ApiOutput<'staffPreviewCoupon'>> = {}): ApiOutput<'staffPreviewCoupon'> => ({
  coupon: aTillCoupon(),
  holder,
  tierDiscountPct: null,
  verification: null,
  ...over,
})
const verification = { at: '2026-11-20T06:03:00.000Z', staffName: '王芳', receiptNo: null, discountFen: 0 }

describe('till: a member with coupons', () => {
  const coupons = [
    aTillCoupon(),
    aTillCoupon({ id: '502', name: '生日8.8折', kind: 'percent_off', thresholdFen: 0, amountOffFen: null, discountPct: 88, maxDiscountFen: 5000, birthday: true }),
    aTillCoupon({ id: '503', name: '金卡专享', state: 'not_yet', reason: '明天起可用' }),
  ]

  it('shows 该会员有 N 张可用券 and 🎂, applies the chosen coupon live and records with its id; the result has every line', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup({ coupons, birthdayCoupon: true }),
      staffRecordPurchase: () =>
        aPurchase(25000, { tierDiscountFen: 2500, couponDiscountFen: 3000, paidFen: 19500, coupon: { ...coupons[0], state: 'used', reason: '已核销' } }),
    })
    await scan('1234 5678 9012 3456 7890 1234')
    expect(await screen.findByTestId('till-coupon-count')).toHaveTextContent('该会员有 2 张可用券')
    expect(screen.getByTestId('till-birthday')).toHaveTextContent('🎂')
    expect(screen.getByTestId('till-coupon-503-reason')).toHaveTextContent('明天起可用')

    fill('250', 'a-9')
    fireEvent.click(screen.getByTestId('till-coupon-501'))
    expect(screen.getByTestId('till-price-gross')).toHaveTextContent('¥250.00')
    expect(screen.getByTestId('till-price-coupon')).toHaveTextContent('-¥30.00')
    expect(screen.getByTestId('till-price-paid')).toHaveTextContent('¥220.00')
    // Switching to the 8.8折 (capped at ¥50): 12% of ¥250 is ¥30.00.
    fireEvent.click(screen.getByTestId('till-coupon-502'))
    expect(screen.getByTestId('till-price-paid')).toHaveTextContent('¥220.00')
    fireEvent.click(screen.getByTestId('till-coupon-501'))
    fireEvent.click(screen.getByTestId('till-submit'))

    expect(await screen.findByTestId('till-result')).toHaveTextContent('已入账 +195 积分')
    expect(calls('staffRecordPurchase')).toEqual([{ ticket: 'ticket-1', receiptNo: 'A-9', amountFen: 25000, couponId: '501' }])
    const lines = screen.getByTestId('till-result-price')
    expect(within(lines).getByTestId('till-result-price-gross')).toHaveTextContent('¥250.00')
    expect(within(lines).getByTestId('till-result-price-tier')).toHaveTextContent('-¥25.00')
    expect(within(lines).getByTestId('till-result-price-coupon')).toHaveTextContent('-¥30.00')
    expect(within(lines).getByTestId('till-result-price-paid')).toHaveTextContent('¥195.00')
    expect(screen.getByTestId('till-result-coupon')).toHaveTextContent('满200减30')
  })

  it('says why a coupon does not apply (还差 ¥20.00 可用, 明天起可用) and records nothing with it', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk, staffLookupMember: () => aLookup({ coupons }) })
    await scan('123456789012345678901234')
    await screen.findByTestId('till-coupons')
    fill('180', 'A-1')
    expect(screen.getByTestId('till-coupon-501-reason')).toHaveTextContent('还差 ¥20.00 可用')
    expect(screen.getByTestId('till-coupon-501')).toHaveClass('till-coupon--off')

    // A coupon that is not usable yet cannot be picked at all.
    fireEvent.click(screen.getByTestId('till-coupon-503'))
    expect(screen.getByTestId('till-coupon-503')).not.toHaveClass('till-coupon--selected')

    fireEvent.click(screen.getByTestId('till-coupon-501'))
    expect(screen.getByTestId('till-price-note')).toHaveTextContent('还差 ¥20.00 可用')
    expect(screen.getByTestId('till-price-coupon')).toHaveTextContent('¥0.00')
    expect(screen.getByTestId('till-price-paid')).toHaveTextContent('¥180.00')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent('该券不可用：还差 ¥20.00 可用')
    expect(calls('staffRecordPurchase')).toHaveLength(0)

    // ¥200.00 exactly meets the threshold.
    typeInto('till-amount-input', '200.00')
    expect(screen.queryByTestId('till-coupon-501-reason')).not.toBeInTheDocument()
    expect(screen.getByTestId('till-price-paid')).toHaveTextContent('¥170.00')
  })

  it('takes the tier discount first when the store’s till applies it, and judges the threshold on what is left', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk, staffLookupMember: () => aLookup({ coupons, tierDiscountPct: 90 }) })
    await scan('123456789012345678901234')
    await screen.findByTestId('till-coupons')
    // ¥210 at 9折 is ¥189: the 满200 coupon is ¥11.00 short.
    fill('210', 'A-2')
    expect(screen.getByTestId('till-coupon-501-reason')).toHaveTextContent('还差 ¥11.00 可用')
    expect(screen.getByTestId('till-price-tier')).toHaveTextContent('-¥21.00')
    expect(screen.getByTestId('till-price-paid')).toHaveTextContent('¥189.00')
    // ¥250 at 9折 is ¥225: it applies, ¥30 off.
    typeInto('till-amount-input', '250')
    fireEvent.click(screen.getByTestId('till-coupon-501'))
    expect(screen.getByTestId('till-price-tier')).toHaveTextContent('-¥25.00')
    expect(screen.getByTestId('till-price-paid')).toHaveTextContent('¥195.00')
  })
})

describe('till: a scanned coupon', () => {
  it('previews it, and 核销 confirms once: a retry after a network error repeats the same requestId', async () => {
    let attempt = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffPreviewCoupon: () => preview(),
      staffVerifyCoupon: () => {
        if (attempt++ === 0) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { coupon: aTillCoupon({ state: 'used' }), verification: { ...verification, staffName: '阿杰' }, repeated: true }
      },
    })
    await scan(COUPON_TYPED)
    const card = await screen.findByTestId('till-preview')
    expect(calls('staffPreviewCoupon')).toEqual([{ couponCode: COUPON }])
    expect(calls('staffLookupMember')).toHaveLength(0)
    expect(card).toHaveTextContent('¥30')
    expect(card).toHaveTextContent('满减券 · 满200可用')
    expect(card).toHaveTextContent('小林 138****5678 · 银卡')
    expect(card).toHaveTextContent('有效期至：2026-12-31 23:59')
    expect(screen.getByTestId('till-preview-status')).toHaveTextContent('可用')

    fireEvent.click(screen.getByTestId('till-verify'))
    fireEvent.click(await screen.findByTestId('till-verify-confirm-ok'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent('网络连接失败')
    expect(screen.getByTestId('till-verify')).toHaveTextContent('重试核销')

    fireEvent.click(screen.getByTestId('till-verify'))
    fireEvent.click(await screen.findByTestId('till-verify-confirm-ok'))
    expect(await screen.findByTestId('till-verified')).toHaveTextContent('核销成功：¥30 满200减30')
    expect(screen.getByTestId('till-verified-by')).toHaveTextContent('已核销 · 2026-11-20 14:03 · 阿杰')
    const sent = calls('staffVerifyCoupon') as Array<{ couponCode: string; requestId: string }>
    expect(sent).toHaveLength(2)
    expect(sent[0].couponCode).toBe(COUPON)
    expect(sent[1]).toEqual(sent[0])
  })

  it("an already verified coupon shows 已核销 · time · clerk, and a second clerk's 核销 shows the server's message", async () => {
    const message = '该券已于 11-20 14:03 由 王芳 核销'
    let used = false
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffPreviewCoupon: () => (used ? preview({ coupon: aTillCoupon({ state: 'used', reason: '已核销' }), verification }) : preview()),
      staffVerifyCoupon: () => {
        used = true
        throw new ApiError('COUPON_ALREADY_USED', message)
      },
    })
    await scan(COUPON_TYPED)
    fireEvent.click(await screen.findByTestId('till-verify'))
    fireEvent.click(await screen.findByTestId('till-verify-confirm-ok'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent(message)
    // The preview is refreshed: when and by whom, and no more 核销 (nor 撤销 for a clerk).
    await waitFor(() => expect(screen.getByTestId('till-preview-status')).toHaveTextContent('已核销 · 2026-11-20 14:03 · 王芳'))
    expect(screen.queryByTestId('till-verify')).not.toBeInTheDocument()
    expect(screen.queryByTestId('till-void')).not.toBeInTheDocument()
  })

  it('随单使用 records the purchase with the coupon code', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffPreviewCoupon: () => preview(),
      staffRecordPurchase: () => aPurchase(21000, { couponDiscountFen: 3000, paidFen: 18000, coupon: aTillCoupon({ state: 'used' }) }),
    })
    await scan(COUPON_TYPED)
    fireEvent.click(await screen.findByTestId('till-use-with-purchase'))
    fill('210', 'r-1')
    expect(screen.getByTestId('till-price-paid')).toHaveTextContent('¥180.00')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-result')).toHaveTextContent('已入账 +180 积分')
    expect(calls('staffRecordPurchase')).toEqual([{ couponCode: COUPON, receiptNo: 'R-1', amountFen: 21000 }])
  })

  it('a manager voids a verification with a required reason, after confirming', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffPreviewCoupon: () => preview({ coupon: aTillCoupon({ state: 'used', reason: '已核销' }), verification }),
      staffVoidCouponVerification: () => ({ coupon: aTillCoupon() }),
    })
    await scan(COUPON_TYPED)
    expect(await screen.findByTestId('till-preview-status')).toHaveTextContent('已核销 · 2026-11-20 14:03 · 王芳')
    fireEvent.click(screen.getByTestId('till-void'))
    fireEvent.click(await screen.findByTestId('till-void-confirm-ok'))
    expect(await screen.findByTestId('till-void-confirm-error')).toHaveTextContent('请输入撤销原因')
    expect(calls('staffVoidCouponVerification')).toHaveLength(0)

    typeInto('till-void-reason', '顾客取消')
    fireEvent.click(screen.getByTestId('till-void-confirm-ok'))
    await waitFor(() => expect(screen.queryByTestId('till-void-confirm')).not.toBeInTheDocument())
    expect(calls('staffVoidCouponVerification')).toEqual([{ couponCode: COUPON, reason: '顾客取消' }])
    expect(screen.getByTestId('till-preview-status')).toHaveTextContent('可用')
    expect(screen.queryByTestId('till-void')).not.toBeInTheDocument()
    expect(screen.getByTestId('till-verify')).toBeInTheDocument()
  })

  it('a refusal of the void (window passed) stays in the sheet with the reason kept', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffPreviewCoupon: () => preview({ coupon: aTillCoupon({ state: 'used', reason: '已核销' }), verification }),
      staffVoidCouponVerification: () => {
        throw new ApiError('COUPON_VOID_WINDOW_PASSED', '已超过可撤销核销的时间（核销后 24 小时内）')
      },
    })
    await scan(COUPON_TYPED)
    fireEvent.click(await screen.findByTestId('till-void'))
    typeInto('till-void-reason', '顾客取消')
    fireEvent.click(screen.getByTestId('till-void-confirm-ok'))
    expect(await screen.findByTestId('till-void-confirm-error')).toHaveTextContent('已超过可撤销核销的时间（核销后 24 小时内）')
    expect(screen.getByTestId('till-preview-status')).toHaveTextContent('已核销')
  })

  it('a coupon verified on a purchase is reversed by a refund: the manager is pointed to 退款, not 撤销核销', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffPreviewCoupon: () => preview({ coupon: aTillCoupon({ state: 'used', reason: '已核销' }), verification: { ...verification, receiptNo: 'A-0001', discountFen: 3000 } }),
    })
    await scan(COUPON_TYPED)
    expect(await screen.findByTestId('till-preview')).toHaveTextContent('小票号：A-0001（优惠 ¥30）')
    expect(screen.queryByTestId('till-void')).not.toBeInTheDocument()
    expect(screen.getByTestId('till-void-by-refund')).toHaveTextContent('随单核销的券请通过退款撤销')
  })

  it('a clerk sees no 撤销核销; a manager on the code step sees 退款', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk, staffPreviewCoupon: () => preview({ coupon: aTillCoupon({ state: 'used', reason: '已核销' }), verification }) })
    await scan(COUPON_TYPED)
    await screen.findByTestId('till-preview')
    expect(screen.queryByTestId('till-void')).not.toBeInTheDocument()
    expect(screen.queryByTestId('till-refund-link')).not.toBeInTheDocument()
  })

  it('refuses an unrecognisable code before calling the server', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk })
    await scan('C1 2345')
    expect(await screen.findByTestId('till-error')).toHaveTextContent('无法识别的券码')
    expect(callApiMock).toHaveBeenCalledTimes(1)
  })
})

describe('till: 发券 (manager)', () => {
  it('lists the 店员发放 templates and grants one with a requestId kept for a retry; the coupon joins the list', async () => {
    const grantTemplate = {
      id: '9', name: '店长赠券', kind: 'amount_off' as const, thresholdFen: 0, amountOffFen: 1000, discountPct: null, maxDiscountFen: null, giftName: null,
      description: null, validity: { kind: 'days' as const, from: null, to: null, days: 7 }, claimFrom: null, claimTo: null, totalQuantity: null,
      claimedCount: 0, usedCount: 0, perMemberLimit: 5, minTierCode: null, channel: 'grant' as const, birthdayTierCode: null, status: 'active' as const,
      updatedAt: '2026-11-20T06:03:00.000Z',
    }
    let attempt = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffLookupMember: () => aLookup(),
      listCouponTemplates: () => ({ templates: [grantTemplate, { ...grantTemplate, id: '10', name: '领券中心的券', channel: 'claim' as const }] }),
      staffGrantCoupon: () => {
        if (attempt++ === 0) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { coupon: aTillCoupon({ id: '777', name: '店长赠券', thresholdFen: 0, amountOffFen: 1000 }), repeated: false }
      },
    })
    await scan('123456789012345678901234')
    expect(await screen.findByTestId('till-coupon-count')).toHaveTextContent('该会员暂无可用券')
    fireEvent.click(screen.getByTestId('till-grant-open'))
    await screen.findByTestId('till-grant-9')
    expect(screen.queryByTestId('till-grant-10')).not.toBeInTheDocument()
    expect(calls('listCouponTemplates')).toEqual([{ status: 'active' }])

    fireEvent.click(screen.getByTestId('till-grant-9'))
    expect(await screen.findByTestId('till-grant-error')).toHaveTextContent('网络连接失败')
    fireEvent.click(screen.getByTestId('till-grant-9'))
    await waitFor(() => expect(screen.queryByTestId('till-grant')).not.toBeInTheDocument())
    expect(screen.getByTestId('till-coupon-count')).toHaveTextContent('该会员有 1 张可用券')
    expect(screen.getByTestId('till-coupon-777')).toHaveTextContent('店长赠券')
    const sent = calls('staffGrantCoupon') as Array<{ ticket: string; templateId: string; requestId: string }>
    expect(sent).toHaveLength(2)
    expect(sent[0]).toEqual({ ticket: 'ticket-1', templateId: '9', requestId: expect.any(String) })
    expect(sent[1]).toEqual(sent[0])
  })

  it('a clerk has no 发券', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk, staffLookupMember: () => aLookup() })
    await scan('123456789012345678901234')
    await screen.findByTestId('till-coupon-count')
    expect(screen.queryByTestId('till-grant-open')).not.toBeInTheDocument()
  })
})

describe('till: manager entry', () => {
  it('shows 退款 to a manager', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => manager })
    render(<TillPage />)
    expect(await screen.findByTestId('till-refund-link')).toHaveTextContent('退款')
    expect(aStaffMember().nickname).toBe('小林')
  })
})
