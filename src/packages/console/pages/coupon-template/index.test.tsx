import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { aCouponTemplate } from '../../../../../tests/ui/coupon-fixtures'
import CouponTemplatePage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input)

async function open() {
  render(<CouponTemplatePage />)
  await screen.findByTestId('tpl-name')
}

const save = () => fireEvent.click(screen.getByTestId('tpl-save'))

describe('coupon template editor', () => {
  it('shows field errors in Chinese from the contract schema and sends nothing', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => manager })
    await open()
    save()
    expect(await screen.findByTestId('tpl-name-error')).toHaveTextContent('请输入券名称')
    expect(screen.getByTestId('tpl-amount-off-error')).toHaveTextContent('请输入减免金额')

    typeInto('tpl-name', '满100减150')
    typeInto('tpl-threshold', '100')
    typeInto('tpl-amount-off', '150')
    save()
    expect(await screen.findByTestId('tpl-amount-off-error')).toHaveTextContent('减免金额不能大于使用门槛')
    expect(screen.queryByTestId('tpl-name-error')).not.toBeInTheDocument()

    typeInto('tpl-amount-off', '12.345')
    save()
    expect(await screen.findByTestId('tpl-amount-off-error')).toHaveTextContent('金额最多保留两位小数')

    // 折扣: "88" is not a 折 value; 8.8 is.
    fireEvent.click(screen.getByTestId('tpl-kind-percent_off'))
    expect(screen.queryByTestId('tpl-amount-off')).not.toBeInTheDocument()
    typeInto('tpl-discount', '88')
    save()
    expect(await screen.findByTestId('tpl-discount-error')).toHaveTextContent('请输入如 8.8 的折扣')

    typeInto('tpl-valid-days', '0')
    save()
    expect(await screen.findByTestId('tpl-validity-error')).toHaveTextContent('有效天数至少 1 天')

    // A birthday coupon's validity is its birth month: a fixed window is refused with the schema's words.
    fireEvent.click(screen.getByTestId('tpl-channel-birthday'))
    fireEvent.click(screen.getByTestId('tpl-validity-fixed'))
    save()
    expect(await screen.findByTestId('tpl-validity-error')).toHaveTextContent('请选择使用开始和结束日期')
    expect(calls('createCouponTemplate')).toHaveLength(0)
  })

  it('creates a 折扣 template in fen and pct with one requestId per save, reused by a retry after a network error', async () => {
    let attempt = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      createCouponTemplate: () => {
        if (attempt++ === 0) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { template: aCouponTemplate({ kind: 'percent_off', name: '会员8.8折', thresholdFen: 5000, amountOffFen: null, discountPct: 88, maxDiscountFen: 2000 }), repeated: true }
      },
    })
    await open()
    typeInto('tpl-name', '会员8.8折')
    fireEvent.click(screen.getByTestId('tpl-kind-percent_off'))
    typeInto('tpl-threshold', '５０')
    typeInto('tpl-discount', '8.8')
    typeInto('tpl-max-discount', '20')
    typeInto('tpl-valid-days', '15')
    typeInto('tpl-per-member', '2')
    fireEvent.click(screen.getByTestId('tpl-min-tier-silver'))
    save()
    expect(await screen.findByTestId('tpl-error')).toHaveTextContent('网络连接失败')
    expect(screen.getByTestId('offline-banner')).toBeInTheDocument()
    save()
    await screen.findByTestId('tpl-save')
    await new Promise((r) => setTimeout(r, 0))
    const sent = calls('createCouponTemplate') as Array<{ requestId: string; template: unknown }>
    expect(sent).toHaveLength(2)
    expect(sent[1]).toEqual(sent[0])
    expect(sent[0].template).toEqual({
      name: '会员8.8折',
      kind: 'percent_off',
      thresholdFen: 5000,
      discountPct: 88,
      maxDiscountFen: 2000,
      validity: { kind: 'days', days: 15 },
      totalQuantity: null,
      perMemberLimit: 2,
      minTierCode: 'silver',
      channel: 'claim',
      birthdayTierCode: null,
    })
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }))
  })

  it('edits a template (?id=): shows its counts, sends the whole template with the id, and shows 发放总量不能少于已领取数量 on the total', async () => {
    __taro.setRouterParams({ id: '7' })
    let refuse = true
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listCouponTemplates: () => ({ templates: [aCouponTemplate({ id: '6', name: '别的券' }), aCouponTemplate({ totalQuantity: 100, claimedCount: 40, usedCount: 9 })] }),
      updateCouponTemplate: (input) => {
        if (refuse) {
          refuse = false
          // As the server sends it: the refused field named by its input path.
          throw new ApiError('COUPON_TOTAL_BELOW_CLAIMED', '优惠券设置有误', { 'template.totalQuantity': '发放总量不能少于已领取数量' })
        }
        return { template: aCouponTemplate({ totalQuantity: (input as { template: { totalQuantity: number } }).template.totalQuantity, claimedCount: 40, usedCount: 9 }) }
      },
    })
    await open()
    expect(screen.getByTestId('tpl-counts')).toHaveTextContent('已领 40 · 已用 9 · 共 100')
    expect((screen.getByTestId('tpl-name') as HTMLElement & { value?: string }).value).toBe('满200减30')
    expect((screen.getByTestId('tpl-total') as HTMLElement & { value?: string }).value).toBe('100')

    typeInto('tpl-total', '30')
    save()
    expect(await screen.findByTestId('tpl-total-error')).toHaveTextContent('发放总量不能少于已领取数量')
    typeInto('tpl-total', '50')
    save()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })))
    expect(calls('updateCouponTemplate')).toEqual([
      expect.objectContaining({ id: '7', template: expect.objectContaining({ totalQuantity: 30 }) }),
      {
        id: '7',
        template: {
          name: '满200减30',
          kind: 'amount_off',
          thresholdFen: 20000,
          amountOffFen: 3000,
          validity: { kind: 'days', days: 30 },
          totalQuantity: 50,
          perMemberLimit: 1,
          minTierCode: null,
          channel: 'claim',
          birthdayTierCode: null,
        },
      },
    ])
    expect(calls('createCouponTemplate')).toHaveLength(0)
  })

  it('is refused to a member', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null }) })
    render(<CouponTemplatePage />)
    expect(await screen.findByTestId('manager-forbidden')).toHaveTextContent('优惠券管理仅限店长使用')
  })
})
