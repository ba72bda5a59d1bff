import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi, devLogin, hasSession, supportsDevLogin } from '../../services/api'
import { useCardStore } from '../../features/card/store'
import { useSessionStore } from '../../features/session/store'
import { aCard, aCode, CODE, tiers } from '../../../tests/ui/fixtures'
import { routeApi } from '../../../tests/ui/api-mock'
import { __taro } from '../../../tests/ui/taro-mock'
import CardPage from './index'

jest.mock('../../services/api', () => require('../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const hasSessionMock = hasSession as jest.Mock

beforeEach(() => {
  useCardStore.getState().reset()
  useSessionStore.setState({ status: 'idle', me: null, error: null })
  hasSessionMock.mockReturnValue(true)
  ;(supportsDevLogin as jest.Mock).mockReturnValue(true)
})

const testId = (id: string) => screen.getByTestId(id)

describe('card page', () => {
  it('shows a loading state while the card is on its way', async () => {
    callApiMock.mockReturnValue(new Promise(() => undefined))
    render(<CardPage />)
    expect(await screen.findByText('加载中…')).toBeInTheDocument()
  })

  it('offers the demo login on H5 when there is no session, then shows the card', async () => {
    hasSessionMock.mockReturnValue(false)
    render(<CardPage />)
    for (const who of ['member', 'clerk', 'manager', 'visitor']) {
      expect(await screen.findByTestId(`dev-login-${who}`)).toBeInTheDocument()
    }
    expect(screen.getByText('演示会员')).toBeInTheDocument()
    expect(screen.getByText('新顾客')).toBeInTheDocument()
    expect(callApiMock).not.toHaveBeenCalled()

    hasSessionMock.mockReturnValue(true)
    routeApi(callApiMock, { getMyCard: () => ({ card: aCard() }), getMemberCode: () => aCode() })
    fireEvent.click(testId('dev-login-member'))
    await waitFor(() => expect(devLogin).toHaveBeenCalledWith('member'))
    expect(await screen.findByTestId('card-tier-name')).toHaveTextContent('银卡')
  })

  it('never offers the demo login inside WeChat: a lost identity is an error with 重试', async () => {
    ;(supportsDevLogin as jest.Mock).mockReturnValue(false)
    routeApi(callApiMock, {
      getMyCard: () => {
        throw new ApiError('UNAUTHENTICATED', '请先登录')
      },
    })
    render(<CardPage />)
    expect(await screen.findByText('请先登录')).toBeInTheDocument()
    expect(screen.getByTestId('state-retry')).toBeInTheDocument()
    expect(screen.queryByTestId('dev-login-member')).not.toBeInTheDocument()
  })

  it('guides a visitor without a card to 开通会员卡', async () => {
    routeApi(callApiMock, {
      getMyCard: () => {
        throw new ApiError('NOT_A_MEMBER', '您还没有开通会员卡')
      },
    })
    render(<CardPage />)
    const button = await screen.findByTestId('open-card-button')
    expect(button).toHaveTextContent('开通会员卡')
    expect(screen.getByText('您还没有会员卡')).toBeInTheDocument()
    fireEvent.click(button)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/pages/open-card/index' })
  })

  it('gives staff without a card a way straight to the till, and customers none', async () => {
    const noCard = () => {
      throw new ApiError('NOT_A_MEMBER', '您还没有开通会员卡')
    }
    const who = (role: string) => () => ({ role, hasCard: false, nickname: null, staffName: role === 'member' ? null : '店员小王' })
    routeApi(callApiMock, { getMyCard: noCard, whoAmI: who('clerk') })
    const { unmount } = render(<CardPage />)
    fireEvent.click(await screen.findByTestId('card-till-link'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/till/index' })
    unmount()

    useSessionStore.setState({ status: 'idle', me: null, error: null })
    routeApi(callApiMock, { getMyCard: noCard, whoAmI: who('member') })
    render(<CardPage />)
    await screen.findByTestId('open-card-button')
    await waitFor(() => expect(useSessionStore.getState().status).toBe('ready'))
    expect(screen.queryByTestId('card-till-link')).not.toBeInTheDocument()
  })

  it('shows the card: tier, points, growth, member no, progress to the next tier and the benefit', async () => {
    routeApi(callApiMock, { getMyCard: () => ({ card: aCard() }), getMemberCode: () => aCode() })
    render(<CardPage />)
    expect(await screen.findByTestId('card-tier-name')).toHaveTextContent('银卡')
    expect(testId('card-points')).toHaveTextContent(/^1280$/)
    expect(testId('card-growth')).toHaveTextContent(/^1800$/)
    expect(testId('card-member-no')).toHaveTextContent('M00000042')
    expect(screen.getByText('晨光咖啡')).toBeInTheDocument()
    expect(screen.getByText('小林')).toBeInTheDocument()
    expect(testId('card-progress-text')).toHaveTextContent('再消费 ¥3,200 升级金卡')
    expect(testId('card-benefit')).toHaveTextContent('银卡会员享 8.5 折')
    expect(testId('points-history-link')).toHaveTextContent('积分明细')
  })

  it('says 已是最高等级 on the top tier', async () => {
    routeApi(callApiMock, {
      getMyCard: () => ({ card: aCard({ tier: tiers.diamond, nextTier: null, growthToNext: null, spendToNextFen: null, growth: 25000 }) }),
      getMemberCode: () => aCode(),
    })
    render(<CardPage />)
    expect(await screen.findByTestId('card-progress-text')).toHaveTextContent('已是最高等级')
    expect(testId('card-tier-name')).toHaveTextContent('钻石')
  })

  it('shows the member code as QR, barcode and grouped digits, and refreshes it on 刷新', async () => {
    routeApi(callApiMock, { getMyCard: () => ({ card: aCard() }), getMemberCode: () => aCode() })
    render(<CardPage />)
    expect(await screen.findByTestId('member-code-digits')).toHaveTextContent('1234 5678 9012 3456 7890 1234')
    expect(testId('member-code-digits').textContent?.replace(/\s/g, '')).toBe(CODE)
    for (const id of ['member-code-qr', 'member-code-barcode']) {
      const img = testId(id) as HTMLElement & { src?: string }
      expect(img.src ?? img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    }
    const calls = () => callApiMock.mock.calls.filter(([name]) => name === 'getMemberCode').length
    expect(calls()).toBe(1)
    fireEvent.click(testId('member-code-refresh'))
    await waitFor(() => expect(calls()).toBe(2))
  })

  it('复制 copies the 24 digits without spaces; the digits are selectable and larger', async () => {
    routeApi(callApiMock, { getMyCard: () => ({ card: aCard() }), getMemberCode: () => aCode() })
    render(<CardPage />)
    fireEvent.click(await screen.findByTestId('member-code-copy'))
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: CODE }))
    expect(testId('member-code-digits')).toHaveClass('member-code__digits')
    // Taro's <Text userSelect> is what lets a long-press select the digits on both platforms.
    expect(testId('member-code-digits').getAttribute('selectable') ?? testId('member-code-digits').getAttribute('user-select')).not.toBeNull()
  })

  it('a tap on the code shows it full screen; a tap closes it', async () => {
    routeApi(callApiMock, { getMyCard: () => ({ card: aCard() }), getMemberCode: () => aCode() })
    render(<CardPage />)
    fireEvent.click(await screen.findByTestId('member-code-enlarge'))
    const big = await screen.findByTestId('member-code-big')
    expect(big).toHaveTextContent('1234 5678 9012 3456 7890 1234')
    expect(big.querySelectorAll('img, taro-image-core').length).toBeGreaterThanOrEqual(2)
    fireEvent.click(big)
    await waitFor(() => expect(screen.queryByTestId('member-code-big')).not.toBeInTheDocument())
  })

  it('greets a member who has just opened the card, once', async () => {
    useCardStore.getState().setCard(aCard({ nickname: '新朋友' }), { welcome: true })
    routeApi(callApiMock, { getMyCard: () => ({ card: aCard({ nickname: '新朋友' }) }), getMemberCode: () => aCode() })
    render(<CardPage />)
    expect(await screen.findByTestId('card-welcome')).toHaveTextContent('欢迎加入，新朋友！')
    fireEvent.click(testId('card-welcome'))
    await waitFor(() => expect(screen.queryByTestId('card-welcome')).not.toBeInTheDocument())
  })

  it('a clerk who has just logged in sees 进入收银台 at once, without switching tabs', async () => {
    hasSessionMock.mockReturnValue(false)
    render(<CardPage />)
    fireEvent.click(await screen.findByTestId('dev-login-clerk'))
    hasSessionMock.mockReturnValue(true)
    routeApi(callApiMock, {
      getMyCard: () => {
        throw new ApiError('NOT_A_MEMBER', '您还没有开通会员卡')
      },
      whoAmI: () => ({ role: 'clerk', hasCard: false, nickname: null, staffName: '店员小王' }),
    })
    expect(await screen.findByTestId('card-till-link')).toHaveTextContent('进入收银台')
  })

  it('refreshes the code by itself when refreshAt comes', async () => {
    jest.useFakeTimers()
    try {
      routeApi(callApiMock, { getMyCard: () => ({ card: aCard() }), getMemberCode: () => aCode() })
      render(<CardPage />)
      await act(async () => {
        await jest.advanceTimersByTimeAsync(0)
      })
      expect(screen.getByTestId('member-code-countdown')).toHaveTextContent('60 秒后自动刷新')
      const calls = () => callApiMock.mock.calls.filter(([name]) => name === 'getMemberCode').length
      expect(calls()).toBe(1)
      await act(async () => {
        await jest.advanceTimersByTimeAsync(61_000)
      })
      expect(calls()).toBe(2)
    } finally {
      jest.useRealTimers()
    }
  })

  it('shows an error with 重试, and retrying loads the card', async () => {
    let fail = true
    routeApi(callApiMock, {
      getMyCard: () => {
        if (fail) throw new ApiError('INTERNAL', '系统繁忙，请稍后再试')
        return { card: aCard() }
      },
      getMemberCode: () => aCode(),
    })
    render(<CardPage />)
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument()
    fail = false
    fireEvent.click(testId('state-retry'))
    expect(await screen.findByTestId('card-points')).toHaveTextContent('1280')
  })

  it('offline: shows the last stored card with an offline banner', async () => {
    routeApi(callApiMock, { getMyCard: () => ({ card: aCard({ pointsBalance: 77 }) }), getMemberCode: () => aCode() })
    const first = render(<CardPage />)
    expect(await screen.findByTestId('card-points')).toHaveTextContent('77')
    first.unmount()
    // A fresh app start (empty memory) with the network down: the card comes from storage.
    useCardStore.setState({ status: 'idle', card: null, offline: false, error: null })
    routeApi(callApiMock, {
      getMyCard: () => {
        throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
      },
    })
    render(<CardPage />)
    expect(await screen.findByTestId('offline-banner')).toBeInTheDocument()
    expect(testId('card-points')).toHaveTextContent('77')
  })

  it('offline with nothing stored: an error state, not an empty card', async () => {
    routeApi(callApiMock, {
      getMyCard: () => {
        throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
      },
    })
    render(<CardPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(screen.queryByTestId('card-points')).not.toBeInTheDocument()
  })

  it("prices the next tier with the server's spendToNextFen (a store giving 2 growth per yuan)", async () => {
    routeApi(callApiMock, { getMyCard: () => ({ card: aCard({ growthToNext: 3200, spendToNextFen: 160000 }) }), getMemberCode: () => aCode() })
    render(<CardPage />)
    expect(await screen.findByTestId('card-progress-text')).toHaveTextContent('再消费 ¥1,600 升级金卡')
  })
})

describe('card page: the member code while the page hides and shows', () => {
  const NEXT_CODE = '999988887777666655554444'
  const member = () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null })
  const codeCalls = () => callApiMock.mock.calls.filter(([name]) => name === 'getMemberCode').length
  const digits = () => testId('member-code-digits').textContent?.replace(/\s/g, '')
  const flush = (ms = 0) =>
    act(async () => {
      await jest.advanceTimersByTimeAsync(ms)
    })
  const hide = () => act(() => __taro.hide())
  const show = () => act(() => __taro.show())

  /** The first getMemberCode answers at once; later ones wait for `answer`. */
  function codesThenPending() {
    const pending: Array<(v: unknown) => void> = []
    routeApi(callApiMock, {
      getMyCard: () => ({ card: aCard() }),
      whoAmI: member,
      getMemberCode: () => (codeCalls() === 1 ? aCode() : new Promise((r) => pending.push(r))),
    })
    return { answer: (v: unknown) => pending.shift()!(v) }
  }

  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('back on screen after the refresh time: the old code is not shown while the new one loads', async () => {
    const { answer } = codesThenPending()
    render(<CardPage />)
    await flush()
    expect(digits()).toBe(CODE)

    hide()
    await flush(120_000) // in another tab for two minutes: no refresh while hidden
    expect(codeCalls()).toBe(1)
    show()
    await flush()
    expect(codeCalls()).toBe(2)
    expect(screen.queryByTestId('member-code-digits')).not.toBeInTheDocument()
    expect(screen.queryByTestId('member-code-qr')).not.toBeInTheDocument()
    expect(testId('member-code-loading')).toHaveTextContent('会员码加载中…')

    await act(async () => answer(aCode({ code: NEXT_CODE })))
    expect(digits()).toBe(NEXT_CODE)
    expect(testId('member-code-countdown')).toHaveTextContent('60 秒后自动刷新')
  })

  it('back on screen before the refresh time: the code stays and the countdown has moved on', async () => {
    codesThenPending()
    render(<CardPage />)
    await flush()
    expect(testId('member-code-countdown')).toHaveTextContent('60 秒后自动刷新')
    hide()
    await flush(20_000)
    show()
    await flush()
    expect(digits()).toBe(CODE)
    expect(testId('member-code-countdown')).toHaveTextContent('40 秒后自动刷新')
  })

  it('says 正在刷新… when the countdown runs out, until the new code arrives', async () => {
    const { answer } = codesThenPending()
    render(<CardPage />)
    await flush()
    await flush(60_000)
    expect(codeCalls()).toBe(2)
    expect(testId('member-code-countdown')).toHaveTextContent('正在刷新…')
    await act(async () => answer(aCode({ code: NEXT_CODE })))
    expect(testId('member-code-countdown')).toHaveTextContent('60 秒后自动刷新')
    expect(digits()).toBe(NEXT_CODE)
  })

  it('a failed refresh keeps the last code, marked, while the till still accepts it; then the error; with backoff retries', async () => {
    let online = true
    routeApi(callApiMock, {
      getMyCard: () => ({ card: aCard() }),
      whoAmI: member,
      getMemberCode: () => {
        if (!online) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return codeCalls() === 1 ? aCode() : aCode({ code: NEXT_CODE })
      },
    })
    render(<CardPage />)
    await flush()
    online = false
    await flush(60_000) // the rotation at refreshAt fails
    expect(codeCalls()).toBe(2)
    // Still the last code (the server accepts it for 120 s from its issue), marked as offline.
    expect(digits()).toBe(CODE)
    expect(testId('member-code')).toHaveClass('member-code--stale')
    expect(testId('member-code-countdown')).toHaveTextContent(/网络不可用 · 此码 \d+ 秒内仍可使用/)
    expect(screen.queryByTestId('member-code-error')).not.toBeInTheDocument()

    await flush(60_000) // 120 s after it arrived: past the till's window (with a margin)
    expect(screen.queryByTestId('member-code-digits')).not.toBeInTheDocument()
    expect(testId('member-code-error')).toHaveTextContent('网络连接失败，请检查网络后重试')
    // Retried by itself with backoff (2, 4, 8, 16, 30 s…): a handful of calls in a minute, not one a second.
    const retries = codeCalls() - 2
    expect(retries).toBeGreaterThanOrEqual(3)
    expect(retries).toBeLessThanOrEqual(6)

    online = true
    await flush(30_000) // the next backoff step finds the network back: recovered without a tap
    expect(digits()).toBe(NEXT_CODE)
    expect(screen.queryByTestId('member-code-error')).not.toBeInTheDocument()
    expect(testId('member-code')).not.toHaveClass('member-code--stale')
  })

  it('recovers at once when WeChat reports the network back, without waiting for the next retry', async () => {
    let online = true
    routeApi(callApiMock, {
      getMyCard: () => ({ card: aCard() }),
      whoAmI: member,
      getMemberCode: () => {
        if (!online) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return codeCalls() === 1 ? aCode() : aCode({ code: NEXT_CODE })
      },
    })
    render(<CardPage />)
    await flush()
    online = false
    await act(async () => __taro.network(false))
    await flush(60_000)
    await flush(25_000) // several failed retries: the next one is up to 30 s away
    const before = codeCalls()
    expect(digits()).toBe(CODE)
    online = true
    await act(async () => __taro.network(true))
    await flush()
    expect(codeCalls()).toBe(before + 1)
    expect(digits()).toBe(NEXT_CODE)
    expect(testId('member-code')).not.toHaveClass('member-code--stale')
  })

  it('a refusal that retrying cannot fix is not retried by itself; 刷新 tries again', async () => {
    let refuse = true
    routeApi(callApiMock, {
      getMyCard: () => ({ card: aCard() }),
      whoAmI: member,
      getMemberCode: () => {
        if (refuse) throw new ApiError('NOT_A_MEMBER', '您还没有开通会员卡')
        return aCode({ code: NEXT_CODE })
      },
    })
    render(<CardPage />)
    await flush()
    expect(testId('member-code-error')).toHaveTextContent('您还没有开通会员卡')
    await flush(120_000)
    expect(codeCalls()).toBe(1)
    refuse = false
    fireEvent.click(testId('member-code-refresh'))
    await flush()
    expect(digits()).toBe(NEXT_CODE)
  })

  it('the card itself comes back from offline by itself: the banner goes when the network returns', async () => {
    let online = true
    routeApi(callApiMock, {
      getMyCard: () => {
        if (!online) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { card: aCard({ pointsBalance: online ? 1280 : 0 }) }
      },
      whoAmI: member,
      getMemberCode: () => aCode(),
    })
    const first = render(<CardPage />)
    await flush()
    first.unmount()
    useCardStore.setState({ status: 'idle', card: null, offline: false, error: null })
    online = false
    render(<CardPage />)
    await flush()
    expect(testId('offline-banner')).toBeInTheDocument()
    // The code panel is there (an error with its own retries), not a dead "wait for the network" box.
    expect(testId('member-code')).toBeInTheDocument()
    online = true
    await act(async () => __taro.network(true))
    await flush()
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument()
    expect(digits()).toBe(CODE)
  })
})

describe('card page inside WeChat: screen brightness', () => {
  const getBrightness = Taro.getScreenBrightness as jest.Mock
  const setBrightness = Taro.setScreenBrightness as jest.Mock
  const levels = () => setBrightness.mock.calls.map(([arg]) => (arg as { value: number }).value)
  const settle = () => act(() => new Promise((r) => setTimeout(r, 30)))

  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    routeApi(callApiMock, {
      getMyCard: () => ({ card: aCard() }),
      whoAmI: () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null }),
      getMemberCode: () => aCode(),
    })
  })
  afterEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it("raises to full while the code shows and puts the user's level back when the page hides or closes", async () => {
    getBrightness.mockResolvedValueOnce({ value: 0.35 }).mockResolvedValueOnce({ value: 0.35 })
    const { unmount } = render(<CardPage />)
    await waitFor(() => expect(levels()).toEqual([1]))
    expect(getBrightness).toHaveBeenCalledTimes(1)

    act(() => __taro.hide())
    await waitFor(() => expect(levels()).toEqual([1, 0.35]))

    act(() => __taro.show())
    await waitFor(() => expect(levels()).toEqual([1, 0.35, 1]))

    unmount()
    await waitFor(() => expect(levels()).toEqual([1, 0.35, 1, 0.35]))
  })

  it('hidden before getScreenBrightness answers: the screen is not left at full brightness', async () => {
    let answer: () => void = () => undefined
    getBrightness.mockImplementationOnce(() => new Promise((r) => (answer = () => r({ value: 0.35 }))))
    const { unmount } = render(<CardPage />)
    await waitFor(() => expect(getBrightness).toHaveBeenCalledTimes(1))
    act(() => __taro.hide())
    await act(async () => answer())
    await settle()
    expect(levels()).not.toContain(1)
    unmount()
    await settle()
    expect(levels()).not.toContain(1)
  })
})
