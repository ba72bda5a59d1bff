import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { aDraftEvent, anAdminEvent } from '../../../../../tests/ui/event-console-fixtures'
import EventsPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '小王' }
const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input)

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

describe('活动管理', () => {
  it('lists the active tab with cover, time, badge and counts; a scheduled event says when it goes out', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listEventsAdmin: () => ({ events: [anAdminEvent(), anAdminEvent({ id: '8', status: 'scheduled', publishAt: '2026-11-30T02:00:00.000Z', publishedAt: null, coverUrl: null })] }),
    })
    render(<EventsPage />)
    const card = await screen.findByTestId('event-card-7')
    expect(calls('listEventsAdmin')).toEqual([{ tab: 'active' }])
    expect(card).toHaveTextContent('12月1日 14:00–16:00')
    expect(within(card).getByTestId('event-badge-7')).toHaveTextContent('已发布')
    expect(within(card).getByTestId('event-counts-7')).toHaveTextContent('已报名 12/20 · 候补 3 · 已签到 5')
    expect(within(card).getByTestId('event-cover-7')).toHaveAttribute('src', '/files/mall/cover.jpg')
    expect(screen.getByTestId('event-badge-8')).toHaveTextContent('定时 11月30日 10:00 发布')

    fireEvent.click(screen.getByTestId('event-open-7'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/event/index?id=7' })
    fireEvent.click(screen.getByTestId('event-results-7'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/event-results/index?id=7' })
  })

  it('switches tabs: 草稿 lists drafts (no results link), an empty tab says so; 新建活动 opens the editor', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listEventsAdmin: (input) => ({ events: (input as { tab: string }).tab === 'draft' ? [aDraftEvent()] : [] }),
    })
    render(<EventsPage />)
    expect(await screen.findByText('没有进行中/即将开始的活动')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('event-tab-draft'))
    expect(await screen.findByTestId('event-badge-9')).toHaveTextContent('草稿')
    expect(screen.queryByTestId('event-results-9')).toBeNull()
    expect(calls('listEventsAdmin')).toEqual([{ tab: 'active' }, { tab: 'draft' }])
    fireEvent.click(screen.getByTestId('event-new'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/event/index' })
  })

  it('loads once on opening and again when the manager comes back to the page', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => manager, listEventsAdmin: () => ({ events: [anAdminEvent()] }) })
    render(<EventsPage />)
    await screen.findByTestId('event-card-7')
    expect(calls('listEventsAdmin')).toHaveLength(1)
    act(() => __taro.show())
    await waitFor(() => expect(calls('listEventsAdmin')).toHaveLength(2))
  })

  it('a failed load shows the error with 重试', async () => {
    let online = false
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listEventsAdmin: () => {
        if (!online) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { events: [anAdminEvent({ status: 'cancelled', cancelledAt: '2026-11-21T02:00:00.000Z', cancelReason: '场地维修' })] }
      },
    })
    render(<EventsPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    online = true
    fireEvent.click(screen.getByTestId('state-retry'))
    expect(await screen.findByTestId('event-badge-7')).toHaveTextContent('已取消')
  })

  it('is for managers: a clerk is told so and nothing is loaded', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk })
    render(<EventsPage />)
    expect(await screen.findByText(/店长/)).toBeInTheDocument()
    expect(calls('listEventsAdmin')).toHaveLength(0)
  })
})
