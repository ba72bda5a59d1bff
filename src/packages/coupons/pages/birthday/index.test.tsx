import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeApi } from '../../../../../tests/ui/api-mock'
import { aGift, aMemberCoupon, birthdayPage } from '../../../../../tests/ui/coupon-fixtures'
import { ApiError, callApi } from '../../../../services/api'
import BirthdayPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())
// NutUI's Picker never settles in jsdom (opening it hangs the test): the field is stood in for by a row that
// "picks" 1 月 1 日, as the real one does with its first offer. The picker's rules are src/features/open-card/birthday.test.ts.
jest.mock('../../../../features/open-card/BirthdayField', () => ({
  BirthdayField: ({ value, onChange }: { value: { month: number; day: number } | null; onChange: (b: { month: number; day: number }) => void }) => {
    const { Text } = require('@tarojs/components')
    return (
      <Text data-testid="open-card-birthday" onClick={() => onChange({ month: 1, day: 1 })}>
        {value ? `${value.month} 月 ${value.day} 日` : '选填'}
      </Text>
    )
  },
}))

const callApiMock = callApi as jest.Mock
const requestSubscribeMock = Taro.requestSubscribeMessage as unknown as jest.Mock
const originalEnv = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = originalEnv
  requestSubscribeMock.mockReset()
})

const inBirthMonth = (over = {}) =>
  birthdayPage({
    birthday: { month: 11, day: 8 },
    canSet: false,
    inBirthMonth: true,
    monthEndsAt: new Date(Date.now() + (5 * 24 + 3) * 3600_000 + 60_000).toISOString(),
    thisYear: aGift(),
    history: [aGift({ year: 2025, coupon: aMemberCoupon({ id: '201', name: '生日券', state: 'used', usedAt: '2025-11-12T06:00:00.000Z', reason: '已于 2025-11-12 14:00 核销' }), points: 0 })],
    ...over,
  })

/** Picks 1 月 1 日 (no year). */
async function pickBirthday() {
  fireEvent.click(screen.getByTestId('open-card-birthday'))
  await waitFor(() => expect(screen.getByTestId('open-card-birthday')).toHaveTextContent('1 月 1 日'))
}

describe('生日礼 page', () => {
  it('in the birth month: this year’s gift, its state, the countdown to month end, the coupon one tap away, last year in history', async () => {
    routeApi(callApiMock, { getMyBirthday: () => inBirthMonth() })
    render(<BirthdayPage />)
    const gift = await screen.findByTestId('birthday-gift')
    expect(screen.getByTestId('birthday-value')).toHaveTextContent('我的生日：11 月 8 日')
    expect(gift).toHaveTextContent('生日快乐！')
    expect(screen.getByTestId('birthday-gift-summary')).toHaveTextContent('生日券（¥50，无门槛） + 100 积分')
    expect(screen.getByTestId('birthday-gift-state')).toHaveTextContent('可使用')
    expect(screen.getByTestId('birthday-countdown')).toHaveTextContent('还剩 5 天 3 小时')
    expect(screen.getByTestId('birthday-locked')).toHaveTextContent('生日如需修改请联系门店')
    expect(screen.queryByTestId('birthday-set')).toBeNull()
    const history = screen.getAllByTestId('birthday-history-row')
    expect(history).toHaveLength(1)
    expect(history[0]).toHaveTextContent('2025 年')
    expect(history[0]).toHaveTextContent('已于 2025-11-12 14:00 核销')

    fireEvent.click(within(gift).getByTestId('birthday-gift-coupon'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/detail/index?id=301' }))
  })

  it('in the birth month without a gift this year: the note says why', async () => {
    routeApi(callApiMock, { getMyBirthday: () => inBirthMonth({ thisYear: null, note: '生日设置距生日不足 30 天，今年暂无生日礼' }) })
    render(<BirthdayPage />)
    expect(await screen.findByTestId('birthday-no-gift')).toHaveTextContent('生日设置距生日不足 30 天，今年暂无生日礼')
    expect(screen.queryByTestId('birthday-countdown')).toBeNull()
  })

  it('without a birthday: pick it, confirm that it cannot be changed, save; the gift set in the birth month shows at once', async () => {
    routeApi(callApiMock, {
      getMyBirthday: () => birthdayPage(),
      setMyBirthday: (input) => {
        expect(input).toEqual({ birthday: { month: 1, day: 1 } })
        return inBirthMonth({ birthday: { month: 1, day: 1 }, history: [] })
      },
    })
    render(<BirthdayPage />)
    expect(await screen.findByTestId('birthday-set')).toBeInTheDocument()
    expect(screen.getByTestId('birthday-save')).toHaveClass('nut-button-disabled')
    await pickBirthday()
    fireEvent.click(screen.getByTestId('birthday-save'))
    expect(await screen.findByText(/生日设置后不可自行修改/)).toBeInTheDocument()
    expect(callApiMock).not.toHaveBeenCalledWith('setMyBirthday', expect.anything())
    fireEvent.click(screen.getByText('确认保存'))
    expect(await screen.findByTestId('birthday-gift')).toBeInTheDocument()
    expect(screen.getByTestId('birthday-value')).toHaveTextContent('我的生日：1 月 1 日')
    expect(screen.queryByTestId('birthday-set')).toBeNull()
  })

  it('a second setting is refused with the store’s words, and the stored birthday shows', async () => {
    let stored = false
    routeApi(callApiMock, {
      getMyBirthday: () => (stored ? birthdayPage({ birthday: { month: 5, day: 20 }, canSet: false }) : birthdayPage()),
      setMyBirthday: () => {
        stored = true
        throw new ApiError('BIRTHDAY_LOCKED', '生日如需修改请联系门店')
      },
    })
    render(<BirthdayPage />)
    await screen.findByTestId('birthday-set')
    await pickBirthday()
    fireEvent.click(screen.getByTestId('birthday-save'))
    fireEvent.click(await screen.findByText('确认保存'))
    await waitFor(() => expect(screen.getByTestId('birthday-value')).toHaveTextContent('我的生日：5 月 20 日'))
    expect(screen.getByTestId('birthday-locked')).toBeInTheDocument()
    expect(screen.getByTestId('birthday-waiting')).toHaveTextContent('5 月生日当月')
  })

  it('on WeChat, asks for the 生日礼 consent inside the confirm tap', async () => {
    process.env.TARO_ENV = 'weapp'
    requestSubscribeMock.mockImplementation(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'TPL-BD': 'reject' }))
    routeApi(callApiMock, {
      getNotificationSettings: () => ({ unreadCount: 0, templates: [{ kind: 'birthday_gift', templateId: 'TPL-BD', label: '生日礼到账', remaining: 0 }] }),
      getMyBirthday: () => birthdayPage(),
      setMyBirthday: () => birthdayPage({ birthday: { month: 1, day: 1 }, canSet: false }),
      recordSubscriptionConsent: () => ({ templates: [] }),
    })
    render(<BirthdayPage />)
    await screen.findByTestId('birthday-set')
    await waitFor(() => expect(callApiMock).toHaveBeenCalledWith('getNotificationSettings', {}))
    await pickBirthday()
    fireEvent.click(screen.getByTestId('birthday-save'))
    fireEvent.click(await screen.findByText('确认保存'))
    expect(requestSubscribeMock).toHaveBeenCalledWith({ tmplIds: ['TPL-BD'] })
    await waitFor(() =>
      expect(callApiMock).toHaveBeenCalledWith('recordSubscriptionConsent', { requestId: expect.any(String), results: [{ kind: 'birthday_gift', result: 'reject' }] }),
    )
  })

  it('offline: the error with 重试 and the back bar; 重试 loads the page', async () => {
    let fail = true
    routeApi(callApiMock, {
      getMyBirthday: () => {
        if (fail) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return inBirthMonth()
      },
    })
    render(<BirthdayPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
    fail = false
    await act(async () => void fireEvent.click(screen.getByTestId('state-retry')))
    expect(await screen.findByTestId('birthday-gift')).toBeInTheDocument()
  })
})
