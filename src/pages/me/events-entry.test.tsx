import { fireEvent, render, screen, waitFor } from '@testing-library/react'
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

function as(role: string, hasCard: boolean) {
  routeApi(callApiMock, {
    whoAmI: () => ({ role, hasCard, nickname: hasCard ? '小林' : null, staffName: role === 'member' ? null : '阿杰' }),
    getNotificationSettings: () => ({ unreadCount: 0, templates: [] }),
  })
  render(<MePage />)
}

describe('me page: events', () => {
  it('gives a member with a card 我的活动, and neither 活动签到 nor 活动管理', async () => {
    as('member', true)
    fireEvent.click(await screen.findByTestId('me-registrations-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/events/pages/registrations/index' }))
    expect(screen.queryByTestId('me-door-link')).toBeNull()
    expect(screen.queryByTestId('me-console-events-link')).toBeNull()
  })

  it('not 我的活动 without a card', async () => {
    as('member', false)
    await screen.findByTestId('me-open-card-link')
    expect(screen.queryByTestId('me-registrations-link')).toBeNull()
  })

  it('gives a clerk 活动签到, which opens the door, but not 活动管理', async () => {
    as('clerk', false)
    fireEvent.click(await screen.findByTestId('me-door-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/door/index' }))
    expect(screen.queryByTestId('me-console-events-link')).toBeNull()
  })

  it('gives a manager 活动签到 and 活动管理, which opens the events console', async () => {
    as('manager', false)
    expect(await screen.findByTestId('me-door-link')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('me-console-events-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/events/index' }))
  })
})
