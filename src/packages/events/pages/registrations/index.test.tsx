import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { aRegistration } from '../../../../../tests/ui/event-fixtures'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { ApiError, callApi } from '../../../../services/api'
import RegistrationsPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const listCalls = () => callApiMock.mock.calls.filter(([name]) => name === 'listMyRegistrations').map(([, input]) => input)

describe('我的活动', () => {
  it('lists 已报名 with time, place and status, pages on with the cursor, and opens a registration', async () => {
    routeCheckedApi(callApiMock, {
      listMyRegistrations: (input) => {
        const { cursor } = input as { cursor?: string }
        if (!cursor) return { registrations: [aRegistration(), aRegistration({ id: '702', eventTitle: '拉花体验课', eventChangedAt: '2099-11-30T02:00:00.000Z' })], nextCursor: '702' }
        return { registrations: [aRegistration({ id: '703', eventTitle: '烘焙开放日' })], nextCursor: null }
      },
    })
    render(<RegistrationsPage />)
    await screen.findByTestId('registration-list')
    const rows = screen.getAllByTestId('registration-row')
    expect(rows[0]).toHaveTextContent('手冲咖啡品鉴会')
    expect(rows[0]).toHaveTextContent('12月5日 周六 14:00–16:00')
    expect(rows[0]).toHaveTextContent('晨光咖啡 二楼')
    expect(within(rows[0]).getByTestId('registration-status')).toHaveTextContent('已报名')
    expect(within(rows[0]).queryByTestId('registration-banner')).toBeNull()
    expect(within(rows[1]).getByTestId('registration-banner')).toHaveTextContent('活动时间/地点已变更')
    act(() => __taro.reachBottom())
    await waitFor(() => expect(screen.getAllByTestId('registration-row')).toHaveLength(3))
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
    expect(listCalls()).toEqual([
      { tab: 'upcoming', limit: 20 },
      { tab: 'upcoming', limit: 20, cursor: '702' },
    ])
    fireEvent.click(screen.getAllByTestId('registration-row')[2])
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/events/pages/registration/index?id=703' }))
  })

  it('switches tabs: 候补中 says the place, 已结束 the check-in, 已取消 why and the points back; empty leads to 活动', async () => {
    routeCheckedApi(callApiMock, {
      listMyRegistrations: (input) => {
        const { tab } = input as { tab: string }
        if (tab === 'upcoming') return { registrations: [], nextCursor: null }
        if (tab === 'waitlist') return { registrations: [aRegistration({ status: 'waitlisted', waitlistPosition: 3, registeredAt: null })], nextCursor: null }
        if (tab === 'past') return { registrations: [aRegistration({ status: 'attended', checkedInAt: '2099-12-05T06:02:00.000Z', cancellable: false })], nextCursor: null }
        return {
          registrations: [aRegistration({ status: 'cancelled', cancelReason: 'event_cancelled', pointsPaid: 100, pointsRefunded: 100, eventCancelled: true, cancellable: false })],
          nextCursor: null,
        }
      },
    })
    render(<RegistrationsPage />)
    expect(await screen.findByText('还没有报名的活动')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('registration-tab-waitlist'))
    expect(await screen.findByTestId('registration-note')).toHaveTextContent('你是第 3 位候补')
    expect(screen.getByTestId('registration-status')).toHaveTextContent('候补中')
    fireEvent.click(screen.getByTestId('registration-tab-past'))
    await waitFor(() => expect(screen.getByTestId('registration-note')).toHaveTextContent('已签到 · 12月5日 14:02'))
    fireEvent.click(screen.getByTestId('registration-tab-cancelled'))
    await waitFor(() => expect(screen.getByTestId('registration-note')).toHaveTextContent('活动已取消，100 积分已退回'))
    expect(screen.getByTestId('registration-banner')).toHaveTextContent('活动已取消')
    fireEvent.click(screen.getByTestId('registration-tab-upcoming'))
    fireEvent.click(await screen.findByTestId('registrations-empty-events'))
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/events/index' }))
  })

  it('offline: the error, the back bar, and the list once the network is back', async () => {
    let fail = true
    routeCheckedApi(callApiMock, {
      listMyRegistrations: () => {
        if (fail) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { registrations: [aRegistration()], nextCursor: null }
      },
    })
    render(<RegistrationsPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
    fail = false
    act(() => void window.dispatchEvent(new Event('online')))
    expect(await screen.findByTestId('registration-list')).toBeInTheDocument()
  })
})
