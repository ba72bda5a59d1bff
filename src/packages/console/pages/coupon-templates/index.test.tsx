import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import type { CouponTemplateView } from '../../../../contract'
import { aCouponTemplate } from '../../../../../tests/ui/coupon-fixtures'
import CouponTemplatesPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

/** The list's 满200减30: 12 of 100 claimed, 3 used. */
const template = (over: Partial<CouponTemplateView> = {}) => aCouponTemplate({ totalQuantity: 100, claimedCount: 12, usedCount: 3, ...over })

describe('coupon template list', () => {
  it('lists status, counts and channel; 停止发放 stops a template and keeps its counts; 编辑 opens the editor', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listCouponTemplates: () => ({
        templates: [template(), template({ id: '8', name: '生日礼', kind: 'gift', thresholdFen: 0, amountOffFen: null, giftName: '蛋糕', channel: 'birthday', totalQuantity: null, status: 'stopped' })],
      }),
      setCouponTemplateStatus: (input) => ({ template: template({ status: (input as { status: 'stopped' }).status }) }),
    })
    render(<CouponTemplatesPage />)
    const first = await screen.findByTestId('tpl-card-7')
    expect(within(first).getByTestId('tpl-status-7')).toHaveTextContent('发放中')
    expect(first).toHaveTextContent('¥30 · 满200可用')
    expect(first).toHaveTextContent('领券中心 · 领取后 30 天内有效')
    expect(screen.getByTestId('tpl-counts-7')).toHaveTextContent('已领 12 · 已用 3 · 共 100')
    expect(screen.getByTestId('tpl-card-8')).toHaveTextContent('生日 · 生日当月有效')
    expect(screen.getByTestId('tpl-counts-8')).toHaveTextContent('共 不限')
    expect(screen.getByTestId('tpl-toggle-8')).toHaveTextContent('恢复发放')

    fireEvent.click(screen.getByTestId('tpl-toggle-7'))
    expect(await screen.findByText('已停止', { selector: '[data-testid="tpl-status-7"]' })).toBeInTheDocument()
    expect(callApiMock).toHaveBeenCalledWith('setCouponTemplateStatus', { id: '7', status: 'stopped' })
    expect(screen.getByTestId('tpl-counts-7')).toHaveTextContent('已领 12 · 已用 3')

    fireEvent.click(screen.getByTestId('tpl-edit-7'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/coupon-template/index?id=7' })
  })

  it('a failed first load is an error with 重试', async () => {
    let online = false
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listCouponTemplates: () => {
        if (!online) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { templates: [] }
      },
    })
    render(<CouponTemplatesPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    online = true
    fireEvent.click(screen.getByTestId('state-retry'))
    expect(await screen.findByText('还没有优惠券')).toBeInTheDocument()
    expect(screen.getByTestId('tpl-new')).toBeInTheDocument()
  })
})
