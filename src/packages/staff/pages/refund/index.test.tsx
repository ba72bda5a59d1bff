import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { tiers } from '../../../../../tests/ui/fixtures'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import type { RefundView } from '../../../../contract'
import RefundPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '阿杰' }

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input)

const aRefund = (over: Partial<RefundView> = {}): RefundView => ({
  receiptNo: 'A-0001',
  memberNickname: '小林',
  memberPhoneMasked: '138****5678',
  paidFen: 19500,
  purchasedAt: '2026-11-20T06:03:00.000Z',
  pointsEarned: 195,
  pointsToReverse: 120,
  pointsShortfall: 75,
  growthToReverse: 195,
  tierBefore: tiers.gold,
  tierAfter: tiers.silver,
  coupon: { name: '满200减30', returnsAs: 'available' },
  refundedAt: null,
  refundedBy: null,
  ...over,
})

async function previewReceipt(text: string) {
  render(<RefundPage />)
  await screen.findByTestId('refund-receipt-input')
  typeInto('refund-receipt-input', text)
  fireEvent.click(screen.getByTestId('refund-preview'))
}

describe('退款 page', () => {
  it('shows the preview with the shortfall explained, and refunds after a reason and a confirmation', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffPreviewRefund: () => ({ refund: aRefund(), alreadyRefunded: false }),
      staffRefundPurchase: () => ({ refund: aRefund({ refundedAt: '2026-11-21T02:00:00.000Z', refundedBy: '王店长' }), alreadyRefunded: false }),
    })
    await previewReceipt(' a-0001 ')
    expect(await screen.findByTestId('refund-summary')).toHaveTextContent('小林 138****5678')
    expect(calls('staffPreviewRefund')).toEqual([{ receiptNo: 'A-0001' }])
    expect(screen.getByTestId('refund-amount')).toHaveTextContent('¥195')
    expect(screen.getByTestId('refund-points')).toHaveTextContent('120 / 当时获得 195')
    expect(screen.getByTestId('refund-shortfall')).toHaveTextContent('会员已使用 75 积分，无法扣回')
    expect(screen.getByTestId('refund-shortfall')).toHaveTextContent('积分余额不会扣成负数')
    expect(screen.getByTestId('refund-tier')).toHaveTextContent('金卡 → 银卡')
    expect(screen.getByTestId('refund-coupon')).toHaveTextContent('满200减30：退回会员券包（可用）')

    fireEvent.click(screen.getByTestId('refund-start'))
    fireEvent.click(await screen.findByTestId('refund-confirm-ok'))
    expect(await screen.findByTestId('refund-confirm-error')).toHaveTextContent('请输入退款原因')
    expect(calls('staffRefundPurchase')).toHaveLength(0)

    typeInto('refund-reason', '顾客退货')
    fireEvent.click(screen.getByTestId('refund-confirm-ok'))
    expect(await screen.findByTestId('refund-done')).toHaveTextContent('由 王店长 退款')
    expect(calls('staffRefundPurchase')).toEqual([{ receiptNo: 'A-0001', reason: '顾客退货' }])
    expect(screen.queryByTestId('refund-start')).not.toBeInTheDocument()
  })

  it('an already refunded receipt shows when and by whom, with no 退款 button', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffPreviewRefund: () => ({
        refund: aRefund({ pointsShortfall: 0, pointsToReverse: 195, tierAfter: tiers.gold, coupon: { name: '满200减30', returnsAs: 'expired' }, refundedAt: '2026-11-21T02:00:00.000Z', refundedBy: '李店长' }),
        alreadyRefunded: true,
      }),
    })
    await previewReceipt('A-0001')
    expect(await screen.findByTestId('refund-done')).toHaveTextContent('已于 2026-11-21 10:00 由 李店长 退款')
    expect(screen.queryByTestId('refund-shortfall')).not.toBeInTheDocument()
    expect(screen.getByTestId('refund-tier')).toHaveTextContent('金卡（不变）')
    expect(screen.getByTestId('refund-coupon')).toHaveTextContent('退回但已过期')
    expect(screen.queryByTestId('refund-start')).not.toBeInTheDocument()
  })

  it('offline: says so and 重试 previews again', async () => {
    let online = false
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffPreviewRefund: () => {
        if (!online) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { refund: aRefund(), alreadyRefunded: false }
      },
    })
    await previewReceipt('A-0001')
    expect(await screen.findByTestId('refund-error')).toHaveTextContent('网络连接失败')
    expect(screen.getByTestId('offline-banner')).toBeInTheDocument()
    online = true
    fireEvent.click(screen.getByTestId('refund-retry'))
    await waitFor(() => expect(screen.getByTestId('refund-summary')).toBeInTheDocument())
  })

  it('is refused to a clerk', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk })
    render(<RefundPage />)
    expect(await screen.findByTestId('manager-forbidden')).toHaveTextContent('退款仅限店长使用')
    expect(screen.queryByTestId('refund-receipt-input')).not.toBeInTheDocument()
  })
})
