import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeApi } from '../../../../../tests/ui/api-mock'
import { __taro } from '../../../../../tests/ui/taro-mock'
import type { NotificationView } from '../../../../contract/notifications'
import { ApiError, callApi } from '../../../../services/api'
import NotificationsPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const requestSubscribeMock = Taro.requestSubscribeMessage as unknown as jest.Mock
const TEMPLATE = { kind: 'points_credited', templateId: 'TPL-1', label: '积分到账通知', remaining: 0 }

const item = (id: string, read = false): NotificationView => ({
  id,
  kind: 'points_credited',
  title: '积分到账',
  body: `消费 ¥${id}.00，获得 ${id} 积分，当前可用 100 积分`,
  createdAt: '2025-03-08T06:03:00.000Z',
  read,
})

const originalEnv = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = originalEnv
  requestSubscribeMock.mockReset()
})

describe('消息 page', () => {
  it('lists messages newest first, marks the unread ones read, and pages on', async () => {
    routeApi(callApiMock, {
      listMyNotifications: (input) =>
        (input as { cursor?: string }).cursor
          ? { notifications: [item('1', true)], nextCursor: null, unreadCount: 0 }
          : { notifications: [item('3'), item('2', true)], nextCursor: '2', unreadCount: 1 },
      markNotificationsRead: () => ({ unreadCount: 0 }),
      getNotificationSettings: () => ({ unreadCount: 1, templates: [TEMPLATE] }),
    })
    render(<NotificationsPage />)
    const rows = await screen.findAllByTestId('notification')
    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveTextContent('积分到账')
    expect(rows[0]).toHaveTextContent('获得 3 积分')
    expect(screen.getAllByTestId('notification-unread')).toHaveLength(1)
    await waitFor(() => expect(callApiMock).toHaveBeenCalledWith('markNotificationsRead', { ids: ['3'] }))
    act(() => __taro.reachBottom())
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(3))
    expect(callApiMock).toHaveBeenCalledWith('listMyNotifications', { cursor: '2', limit: 20 })
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
  })

  it('shows an empty state, and on H5 says subscribing works only in WeChat', async () => {
    process.env.TARO_ENV = 'h5'
    routeApi(callApiMock, {
      listMyNotifications: () => ({ notifications: [], nextCursor: null, unreadCount: 0 }),
      getNotificationSettings: () => ({ unreadCount: 0, templates: [TEMPLATE] }),
    })
    render(<NotificationsPage />)
    expect(await screen.findByText('暂无消息')).toBeInTheDocument()
    expect(screen.getByTestId('subscribe-h5')).toHaveTextContent('仅在微信中可订阅')
    expect(screen.queryByTestId('subscribe-button')).not.toBeInTheDocument()
    fireEvent.click(screen.getByTestId('notifications-back'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  it('shows an offline error with 重试, and a way back', async () => {
    let fail = true
    routeApi(callApiMock, {
      listMyNotifications: () => {
        if (fail) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { notifications: [item('5')], nextCursor: null, unreadCount: 1 }
      },
      markNotificationsRead: () => ({ unreadCount: 0 }),
      getNotificationSettings: () => ({ unreadCount: 1, templates: [] }),
    })
    render(<NotificationsPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(screen.getByTestId('notifications-back')).toBeInTheDocument()
    // The browser's back bar is there on the error state too (WeChat draws its own).
    fireEvent.click(screen.getByTestId('sub-page-back'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
    fail = false
    fireEvent.click(screen.getByTestId('state-retry'))
    expect(await screen.findByTestId('notification')).toHaveTextContent('获得 5 积分')
  })

  it('on WeChat asks for consent first, in the tap itself, then records the answer', async () => {
    process.env.TARO_ENV = 'weapp'
    const order: string[] = []
    requestSubscribeMock.mockImplementation(() => {
      order.push('requestSubscribeMessage')
      return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'TPL-1': 'accept' })
    })
    routeApi(callApiMock, {
      listMyNotifications: () => ({ notifications: [], nextCursor: null, unreadCount: 0 }),
      getNotificationSettings: () => ({ unreadCount: 0, templates: [TEMPLATE] }),
      recordSubscriptionConsent: (input) => {
        order.push('recordSubscriptionConsent')
        expect(input).toEqual({ requestId: expect.any(String), results: [{ kind: 'points_credited', result: 'accept' }] })
        return { templates: [{ ...TEMPLATE, remaining: 1 }] }
      },
    })
    render(<NotificationsPage />)
    const button = await screen.findByTestId('subscribe-button')
    const callsBefore = callApiMock.mock.calls.length
    fireEvent.click(button)
    // Synchronously inside the tap: WeChat refuses the popup after an await.
    expect(requestSubscribeMock).toHaveBeenCalledWith({ tmplIds: ['TPL-1'] })
    expect(callApiMock.mock.calls.length).toBe(callsBefore)
    expect(await screen.findByText('还可收到 1 次微信到账通知')).toBeInTheDocument()
    expect(order).toEqual(['requestSubscribeMessage', 'recordSubscriptionConsent'])
  })
})
