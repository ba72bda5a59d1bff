import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { cardView } from '../../contract/card'
import { useCardStore } from '../../features/card/store'
import { useSessionStore } from '../../features/session/store'
import { callApi, hasSession } from '../../services/api'
import { routeApi } from '../../../tests/ui/api-mock'
import { aCard, aCode } from '../../../tests/ui/fixtures'
import CardPage from './index'

jest.mock('../../services/api', () => require('../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock

beforeEach(() => {
  useCardStore.getState().reset()
  useSessionStore.setState({ status: 'idle', me: null, error: null })
  ;(hasSession as jest.Mock).mockReturnValue(true)
})

function serve(over: Parameters<typeof aCard>[0]) {
  // Parsed by the contract, so the page gets only what the server may send.
  const card = cardView.parse(aCard(over))
  routeApi(callApiMock, {
    getMyCard: () => ({ card }),
    getMemberCode: () => aCode(),
    whoAmI: () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null }),
  })
}

describe('card page: 券包 and the birth month', () => {
  it('shows the 券包 entry with the usable count, and no birthday banner outside the birth month', async () => {
    serve({ usableCouponCount: 3, birthdayMonth: null })
    render(<CardPage />)
    expect(await screen.findByTestId('card-wallet-count')).toHaveTextContent('3 张可用')
    expect(screen.queryByTestId('card-birthday-banner')).toBeNull()
    fireEvent.click(screen.getByTestId('card-wallet-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/wallet/index' }))
    fireEvent.click(screen.getByTestId('card-center-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/center/index' }))
  })

  it('says nothing about a count of 0', async () => {
    serve({ usableCouponCount: 0 })
    render(<CardPage />)
    await screen.findByTestId('card-wallet-link')
    expect(screen.queryByTestId('card-wallet-count')).toBeNull()
  })

  it('in the birth month shows 生日快乐 with the gift one tap away', async () => {
    serve({ usableCouponCount: 1, birthdayMonth: { couponId: '301', couponState: 'usable' } })
    render(<CardPage />)
    const banner = await screen.findByTestId('card-birthday-banner')
    expect(banner).toHaveTextContent('生日快乐')
    expect(banner).toHaveTextContent('生日礼券已放入券包')
    fireEvent.click(banner)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/birthday/index' }))
  })
})
