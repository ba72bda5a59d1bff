import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { callApi, clearSession, hasSession } from '../../services/api'
import { useSessionStore } from '../../features/session/store'
import MePage from './index'

jest.mock('../../services/api', () => require('../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock

beforeEach(() => {
  useSessionStore.setState({ status: 'idle', me: null, error: null })
  ;(hasSession as jest.Mock).mockReturnValue(true)
})

describe('me page', () => {
  it('shows a member their name and 积分明细, but no 收银台', async () => {
    callApiMock.mockResolvedValue({ role: 'member', hasCard: true, nickname: '小林', staffName: null })
    render(<MePage />)
    expect(await screen.findByTestId('me-name')).toHaveTextContent('小林')
    expect(screen.getByTestId('me-role')).toHaveTextContent('会员')
    expect(screen.getByTestId('me-points-link')).toBeInTheDocument()
    expect(screen.queryByTestId('me-till-link')).not.toBeInTheDocument()
  })

  it('shows staff the 收银台 link, which opens the till subpackage', async () => {
    callApiMock.mockResolvedValue({ role: 'clerk', hasCard: false, nickname: null, staffName: '阿杰' })
    render(<MePage />)
    fireEvent.click(await screen.findByTestId('me-till-link'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/till/index' })
    expect(screen.getByTestId('me-role')).toHaveTextContent('店员')
    expect(screen.queryByTestId('me-coupon-templates-link')).not.toBeInTheDocument()
    expect(screen.queryByTestId('me-mall-items-link')).not.toBeInTheDocument()
  })

  it('shows a manager 优惠券管理, which opens the console subpackage', async () => {
    callApiMock.mockResolvedValue({ role: 'manager', hasCard: false, nickname: null, staffName: '王店长' })
    render(<MePage />)
    fireEvent.click(await screen.findByTestId('me-coupon-templates-link'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/coupon-templates/index' })
    expect(screen.getByTestId('me-till-link')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('me-mall-items-link'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/mall-items/index' })
  })

  it('切换演示身份 forgets the token and shows the demo login', async () => {
    callApiMock.mockResolvedValue({ role: 'member', hasCard: true, nickname: '小林', staffName: null })
    render(<MePage />)
    fireEvent.click(await screen.findByTestId('switch-identity'))
    expect(clearSession).toHaveBeenCalled()
    expect(await screen.findByTestId('dev-login-visitor')).toBeInTheDocument()
  })
})
