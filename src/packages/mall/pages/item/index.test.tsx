import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { aBalance, aMallItem, aRedemption, goldItem } from '../../../../../tests/ui/mall-fixtures'
import { ApiError, callApi } from '../../../../services/api'
import MallItemPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const redeemCalls = () => callApiMock.mock.calls.filter(([name]) => name === 'redeemMallItem').map(([, input]) => input as { itemId: string; quantity: number; requestId: string })

// The page reads its id from useLoad's params (the mock passes none) or the router: give it the router's.
beforeEach(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: '21' } }, page: {} }))

async function confirmRedeem() {
  fireEvent.click(await screen.findByTestId('item-redeem'))
  const ok = await screen.findByText('确认兑换', { selector: '.nut-button *, .nut-button' })
  // The redemption answers after the tap: let it settle inside act.
  await act(async () => void fireEvent.click(ok))
}

describe('mall item', () => {
  it('shows the rules, caps the stepper, confirms with the total, and a gift goes on to its pick-up code', async () => {
    routeCheckedApi(callApiMock, {
      getMallItem: () => ({
        balance: aBalance({ points: 3500 }),
        item: aMallItem({ pointsPrice: 1500, perMemberLimit: 3, redeemedByMe: 0, limitPeriod: 'month', stockLeft: 10, ...goldItem }),
        description: '350ml 陶瓷马克杯',
      }),
      redeemMallItem: () => ({ redemption: aRedemption({ id: '777', quantity: 2, points: 3000 }), pointsBalance: 500, repeated: false }),
    })
    render(<MallItemPage />)
    expect(await screen.findByTestId('item-name')).toHaveTextContent('马克杯')
    expect(screen.getByTestId('item-price')).toHaveTextContent('1,500 积分')
    const rules = screen.getByTestId('item-rules')
    expect(rules).toHaveTextContent('每人每月限兑 3 件')
    expect(rules).toHaveTextContent('金卡及以上会员可兑')
    expect(rules).toHaveTextContent('库存 10 件')
    expect(screen.getByText('350ml 陶瓷马克杯')).toBeInTheDocument()
    // 3,500 points pay for two at 1,500: the stepper stops there.
    fireEvent.click(screen.getByTestId('mall-plus'))
    fireEvent.click(screen.getByTestId('mall-plus'))
    fireEvent.click(screen.getByTestId('mall-plus'))
    expect(screen.getByTestId('mall-quantity')).toHaveTextContent('2')
    fireEvent.click(screen.getByTestId('item-redeem'))
    expect(await screen.findByText('确认用 3,000 积分兑换 马克杯 ×2？')).toBeInTheDocument()
    fireEvent.click(screen.getByText('确认兑换', { selector: '.nut-button *, .nut-button' }))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/mall/pages/redemption/index?id=777' }))
    expect(redeemCalls()).toEqual([{ itemId: '21', quantity: 2, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }])
  })

  it('a coupon item says 已放入券包 with the way to the wallet', async () => {
    routeCheckedApi(callApiMock, {
      getMallItem: () => ({ balance: aBalance(), item: aMallItem({ kind: 'coupon', name: '满100减20券' }), description: null }),
      redeemMallItem: () => ({ redemption: aRedemption({ kind: 'coupon', status: 'delivered', pickupExpiresAt: null, couponId: '88', cancellable: false }), pointsBalance: 280, repeated: false }),
    })
    render(<MallItemPage />)
    await confirmRedeem()
    expect(await screen.findByTestId('item-delivered')).toHaveTextContent('已放入券包')
    expect(screen.getByTestId('item-balance')).toHaveTextContent('可用积分 280')
    fireEvent.click(screen.getByTestId('item-wallet-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/wallet/index' }))
  })

  it('a refusal is shown in the server words and the item reloaded; after a network failure the retry repeats the request id', async () => {
    let round = 0
    let loads = 0
    routeCheckedApi(callApiMock, {
      getMallItem: () => {
        loads += 1
        return { balance: aBalance(), item: aMallItem(loads > 1 && round >= 2 ? { stockLeft: 0, state: 'sold_out', reason: '已兑完' } : {}), description: null }
      },
      redeemMallItem: () => {
        round += 1
        if (round === 1) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        throw new ApiError('MALL_SOLD_OUT', '已兑完')
      },
    })
    render(<MallItemPage />)
    await confirmRedeem()
    expect(await screen.findByTestId('item-refusal')).toHaveTextContent('网络连接失败，请检查网络后重试')
    await confirmRedeem()
    await waitFor(() => expect(screen.getByTestId('item-redeem-disabled')).toHaveTextContent('已兑完'))
    expect(screen.getByTestId('item-refusal')).toHaveTextContent('已兑完')
    const [first, second] = redeemCalls()
    expect(second.requestId).toBe(first.requestId)
    expect(loads).toBe(2)
  })

  it('short of points: no stepper, 差 X 分可兑 and the spend it takes', async () => {
    routeCheckedApi(callApiMock, {
      getMallItem: () => ({ balance: aBalance(), item: aMallItem({ pointsPrice: 1500, state: 'insufficient', reason: '差 220 分', shortBy: 220, spendToAffordFen: 22000 }), description: null }),
    })
    render(<MallItemPage />)
    expect(await screen.findByTestId('item-redeem-disabled')).toHaveTextContent('差 220 分可兑')
    expect(screen.getByTestId('item-spend')).toHaveTextContent('再消费 ¥220 即可兑换')
    expect(screen.queryByTestId('mall-stepper')).toBeNull()
  })

  it('an item that cannot load says why, with 重试 and the back bar', async () => {
    routeCheckedApi(callApiMock, {
      getMallItem: () => {
        throw new ApiError('MALL_ITEM_NOT_FOUND', '商品不存在或已下架')
      },
    })
    render(<MallItemPage />)
    expect(await screen.findByText('商品不存在或已下架')).toBeInTheDocument()
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
  })
})
