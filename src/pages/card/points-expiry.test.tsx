import { fireEvent, render, screen, within } from '@testing-library/react'
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
  const card = cardView.parse(aCard(over))
  routeApi(callApiMock, {
    getMyCard: () => ({ card }),
    getMemberCode: () => aCode(),
    whoAmI: () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null }),
  })
}

const items = [
  { id: '11', name: '保温杯', pointsPrice: 800, imageUrl: null },
  { id: '12', name: '帆布袋', pointsPrice: 300, imageUrl: null },
]

describe('points expiry on the card page', () => {
  it('shows "X 分将于 YYYY-MM-DD 过期" under the balance, without the countdown outside November and December', async () => {
    serve({ pointsBalance: 960, pointsExpiry: { points: 860, lastDay: '2026-12-31', daysLeft: 70, countdown: false, items: [] } })
    render(<CardPage />)
    expect(await screen.findByTestId('card-points-expiry')).toHaveTextContent('860 分将于 2026-12-31 过期')
    expect(screen.getByTestId('card-points')).toHaveTextContent('960')
    expect(screen.queryByTestId('points-countdown')).not.toBeInTheDocument()
  })

  it('shows no expiry line when nothing expires', async () => {
    serve({ pointsExpiry: null })
    render(<CardPage />)
    await screen.findByTestId('card-points')
    expect(screen.queryByTestId('card-points-expiry')).not.toBeInTheDocument()
    expect(screen.queryByTestId('points-countdown')).not.toBeInTheDocument()
  })

  it('in the countdown season shows 你有 860 分将于 12 月 31 日清零 with the items; an item opens its mall page, and 去积分商城 the mall', async () => {
    serve({ pointsBalance: 960, pointsExpiry: { points: 860, lastDay: '2026-12-31', daysLeft: 3, countdown: true, items } })
    render(<CardPage />)
    const block = await screen.findByTestId('points-countdown')
    expect(within(block).getByTestId('points-countdown-title')).toHaveTextContent('你有 860 分将于 12 月 31 日清零')
    expect(block).toHaveTextContent('还剩 3 天')
    const tiles = within(block).getAllByTestId('points-countdown-item')
    expect(tiles.map((t) => t.textContent)).toEqual([expect.stringContaining('保温杯'), expect.stringContaining('帆布袋')])
    expect(tiles[0]).toHaveTextContent('800 分')
    fireEvent.click(tiles[1])
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/mall/pages/item/index?id=12' })
    fireEvent.click(within(block).getByTestId('points-countdown-mall'))
    expect(Taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/mall/index' })
  })

  it('keeps the countdown and its way to the mall when no item is affordable', async () => {
    serve({ pointsExpiry: { points: 20, lastDay: '2026-12-31', daysLeft: 0, countdown: true, items: [] } })
    render(<CardPage />)
    const block = await screen.findByTestId('points-countdown')
    expect(block).toHaveTextContent('今天是最后一天')
    expect(within(block).queryAllByTestId('points-countdown-item')).toHaveLength(0)
    expect(within(block).getByTestId('points-countdown-mall')).toHaveTextContent('去积分商城')
  })
})
