import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeCheckedApi } from '../../../tests/ui/api-mock'
import { anEventCard, goldOnly } from '../../../tests/ui/event-fixtures'
import { __taro } from '../../../tests/ui/taro-mock'
import { ApiError, callApi } from '../../services/api'
import EventsPage from './index'

jest.mock('../../services/api', () => require('../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const cards = () => screen.getAllByTestId('event-card')

describe('活动 tab', () => {
  it('shows each event with its time, place, seats or waitlist, tier, points rule and my own state', async () => {
    routeCheckedApi(callApiMock, {
      listEvents: () => ({
        pointsBalance: 1280,
        events: [
          anEventCard(),
          anEventCard({ id: '32', title: '拉花体验课', seatsLeft: 0, waitlistCount: 4, signupState: 'waitlist', pointsCost: 100, rewardPoints: 0, myRegistration: { id: '9', status: 'waitlisted', waitlistPosition: 3 } }),
          anEventCard({ id: '33', title: '金卡沙龙', ...goldOnly, coverUrl: '/files/salon.png', myRegistration: { id: '8', status: 'registered', waitlistPosition: null } }),
          anEventCard({ id: '34', title: '开放日', myRegistration: { id: '7', status: 'attended', waitlistPosition: null } }),
          anEventCard({ id: '35', title: '圣诞市集', signupState: 'not_started', reason: '12月1日 10:00 开始报名' }),
        ],
      }),
    })
    render(<EventsPage />)
    await screen.findByTestId('events-list')
    const [tasting, latte, salon, open, fair] = cards()
    expect(within(tasting).getByTestId('event-card-title')).toHaveTextContent('手冲咖啡品鉴会')
    expect(within(tasting).getByTestId('event-card-time')).toHaveTextContent('12月5日 周六 14:00–16:00')
    expect(tasting).toHaveTextContent('晨光咖啡 二楼')
    expect(within(tasting).getByTestId('event-card-seats')).toHaveTextContent('剩余 12 席')
    expect(within(tasting).getByTestId('event-card-points')).toHaveTextContent('签到得 50 积分')
    expect(within(tasting).queryByTestId('event-card-mine')).toBeNull()
    expect(within(tasting).getByTestId('event-cover-placeholder')).toBeInTheDocument()

    expect(within(latte).getByTestId('event-card-seats')).toHaveTextContent('已满 · 候补 4 人')
    expect(within(latte).getByTestId('event-card-points')).toHaveTextContent('报名需 100 积分')
    expect(within(latte).getByTestId('event-card-mine')).toHaveTextContent('候补第 3 位')

    expect(within(salon).getByTestId('event-card-tier')).toHaveTextContent('金卡及以上')
    expect(within(salon).getByTestId('event-card-mine')).toHaveTextContent('已报名')
    expect(within(salon).getByTestId('event-cover')).toBeInTheDocument()
    expect(within(open).getByTestId('event-card-mine')).toHaveTextContent('已签到')
    expect(within(fair).getByTestId('event-card-state')).toHaveTextContent('12月1日 10:00 开始报名')
    expect(within(tasting).queryByTestId('event-card-state')).toBeNull()

    fireEvent.click(latte)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/events/pages/detail/index?id=32' }))
    fireEvent.click(screen.getByTestId('events-mine-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/events/pages/registrations/index' }))
  })

  it('shows a skeleton while loading, then 暂无活动 with the way to 我的活动 still there', async () => {
    let answer: (v: unknown) => void = () => undefined
    routeCheckedApi(callApiMock, { listEvents: () => new Promise((resolve) => (answer = resolve)) })
    render(<EventsPage />)
    expect(screen.getByTestId('events-skeleton')).toBeInTheDocument()
    await act(async () => answer({ pointsBalance: 0, events: [] }))
    expect(await screen.findByText('暂无活动')).toBeInTheDocument()
    expect(screen.queryByTestId('events-skeleton')).toBeNull()
    expect(screen.getByTestId('events-mine-link')).toBeInTheDocument()
  })

  it('an error offers 重试; offline it reloads by itself when the network is back', async () => {
    let fail: 'network' | 'internal' | null = 'internal'
    routeCheckedApi(callApiMock, {
      listEvents: () => {
        if (fail === 'internal') throw new ApiError('INTERNAL', '系统繁忙，请稍后再试')
        if (fail === 'network') throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { pointsBalance: 0, events: [anEventCard()] }
      },
    })
    render(<EventsPage />)
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument()
    fail = 'network'
    fireEvent.click(screen.getByTestId('state-retry'))
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    fail = null
    act(() => void window.dispatchEvent(new Event('online')))
    expect(await screen.findByTestId('events-list')).toBeInTheDocument()
  })

  it('pull to refresh and every show reload; offline the events stay with a banner', async () => {
    let round = 0
    routeCheckedApi(callApiMock, {
      listEvents: () => {
        round += 1
        if (round === 2) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { pointsBalance: 0, events: [anEventCard({ seatsLeft: round === 1 ? 12 : 11 })] }
      },
    })
    render(<EventsPage />)
    expect(await screen.findByTestId('event-card-seats')).toHaveTextContent('剩余 12 席')
    act(() => __taro.pullDownRefresh())
    expect(await screen.findByTestId('offline-banner')).toBeInTheDocument()
    expect(screen.getByTestId('events-list')).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    act(() => __taro.show())
    await waitFor(() => expect(screen.getByTestId('event-card-seats')).toHaveTextContent('剩余 11 席'))
    expect(screen.queryByTestId('offline-banner')).toBeNull()
  })
})
