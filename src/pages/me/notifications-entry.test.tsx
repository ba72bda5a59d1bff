import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeApi } from '../../../tests/ui/api-mock'
import { useSessionStore } from '../../features/session/store'
import { callApi, hasSession } from '../../services/api'
import MePage from './index'

jest.mock('../../services/api', () => require('../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock

beforeEach(() => {
  useSessionStore.setState({ status: 'idle', me: null, error: null })
  ;(hasSession as jest.Mock).mockReturnValue(true)
})

describe('me page: the 消息 entry', () => {
  it('shows a member the unread count and opens 消息', async () => {
    routeApi(callApiMock, {
      whoAmI: () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null }),
      getNotificationSettings: () => ({ unreadCount: 3, templates: [] }),
    })
    render(<MePage />)
    const link = await screen.findByTestId('me-notifications-link')
    expect(await screen.findByText('3 条未读')).toBeInTheDocument()
    fireEvent.click(link)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/pages/notifications/index' })
  })

  it('has no 消息 entry (and asks nothing) for someone without a card', async () => {
    routeApi(callApiMock, { whoAmI: () => ({ role: 'member', hasCard: false, nickname: null, staffName: null }) })
    render(<MePage />)
    expect(await screen.findByTestId('me-open-card-link')).toBeInTheDocument()
    expect(screen.queryByTestId('me-notifications-link')).not.toBeInTheDocument()
    expect(callApiMock).not.toHaveBeenCalledWith('getNotificationSettings', expect.anything())
  })
})
