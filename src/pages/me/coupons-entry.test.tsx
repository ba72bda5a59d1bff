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

describe('me page: coupons and 生日礼', () => {
  it('gives a member 我的券包, 领券中心 and 生日礼', async () => {
    routeApi(callApiMock, {
      whoAmI: () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null }),
      getNotificationSettings: () => ({ unreadCount: 0, templates: [] }),
    })
    render(<MePage />)
    fireEvent.click(await screen.findByTestId('me-wallet-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/wallet/index' }))
    fireEvent.click(screen.getByTestId('me-center-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/center/index' }))
    fireEvent.click(screen.getByTestId('me-birthday-link'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/birthday/index' }))
  })

  it('has none of them for someone without a card', async () => {
    routeApi(callApiMock, { whoAmI: () => ({ role: 'member', hasCard: false, nickname: null, staffName: null }) })
    render(<MePage />)
    await screen.findByTestId('me-open-card-link')
    expect(screen.queryByTestId('me-wallet-link')).toBeNull()
    expect(screen.queryByTestId('me-birthday-link')).toBeNull()
  })
})
