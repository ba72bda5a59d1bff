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

describe('me page: 我的兑换', () => {
  it('gives a member 我的兑换 next to 我的券包', async () => {
    routeApi(callApiMock, {
      whoAmI: () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null }),
      getNotificationSettings: () => ({ unreadCount: 0, templates: [] }),
    })
    render(<MePage />)
    fireEvent.click(await screen.findByTestId('me-redemptions-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/mall/pages/redemptions/index' }))
  })

  it('not without a card', async () => {
    routeApi(callApiMock, { whoAmI: () => ({ role: 'member', hasCard: false, nickname: null, staffName: null }) })
    render(<MePage />)
    await screen.findByTestId('me-open-card-link')
    expect(screen.queryByTestId('me-redemptions-link')).toBeNull()
  })
})
