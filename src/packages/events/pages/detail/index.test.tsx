import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { aRegistration, anEvent, goldOnly, TEMPLATES } from '../../../../../tests/ui/event-fixtures'
import type { EventDetailView, RegistrationView } from '../../../../contract/events'
import { ApiError, callApi } from '../../../../services/api'
import EventDetailPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const requestSubscribeMock = Taro.requestSubscribeMessage as unknown as jest.Mock
const signUpCalls = () => callApiMock.mock.calls.filter(([name]) => name === 'signUpForEvent').map(([, input]) => input as { eventId: string; requestId: string })
const toasts = () => (Taro.showToast as jest.Mock).mock.calls.map(([o]) => (o as { title: string }).title)

const originalEnv = process.env.TARO_ENV
beforeEach(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: '31' } }, page: {} }))
afterEach(() => {
  process.env.TARO_ENV = originalEnv
  requestSubscribeMock.mockReset()
})

type Handlers = Parameters<typeof routeCheckedApi>[1]

/** getEvent as the server answers it: after a sign-up went through, the event carries the caller's registration. */
function serve(event: EventDetailView, more: Handlers = {}, templates: typeof TEMPLATES = []) {
  let mine: EventDetailView['myRegistration'] = null
  const signUp = more.signUpForEvent
  routeCheckedApi(callApiMock, {
    getEvent: () => ({ event: { ...event, myRegistration: mine ?? event.myRegistration }, pointsBalance: 1280, subscribeTemplates: templates }),
    ...more,
    ...(signUp && {
      signUpForEvent: async (input: unknown) => {
        const out = (await signUp(input)) as { registration: RegistrationView }
        mine = { id: out.registration.id, status: out.registration.status, waitlistPosition: out.registration.waitlistPosition }
        return out
      },
    }),
  })
}

describe('event detail', () => {
  it('shows the event, its rules and 立即报名; on H5 signing up asks no popup, says 报名成功 and shows the new state', async () => {
    let registered = false
    routeCheckedApi(callApiMock, {
      getEvent: () => ({
        event: anEvent(registered ? { seatsLeft: 11, myRegistration: { id: '701', status: 'registered', waitlistPosition: null } } : {}),
        pointsBalance: 1280,
        subscribeTemplates: TEMPLATES,
      }),
      signUpForEvent: () => {
        registered = true
        return { registration: aRegistration(), pointsBalance: 1280, repeated: false }
      },
    })
    render(<EventDetailPage />)
    expect(await screen.findByTestId('event-title')).toHaveTextContent('手冲咖啡品鉴会')
    expect(screen.getByTestId('event-time')).toHaveTextContent('12月5日 周六 14:00–16:00')
    expect(screen.getByTestId('event-place')).toHaveTextContent('晨光咖啡 二楼')
    expect(screen.getByTestId('event-seats')).toHaveTextContent('名额：20 人 · 剩余 12 席')
    const rules = screen.getByTestId('event-rules')
    expect(rules).toHaveTextContent('所有会员可报名')
    expect(rules).toHaveTextContent('免费报名')
    expect(rules).toHaveTextContent('到场签到得 50 积分')
    expect(rules).toHaveTextContent('开始前 3 小时可取消')
    expect(rules).toHaveTextContent('开始前 2 小时可签到（12月5日 12:00 起）')
    expect(screen.getByText('带你品尝三款单品豆')).toBeInTheDocument()
    expect(screen.getByTestId('event-cover-placeholder')).toBeInTheDocument()
    expect(screen.getByTestId('event-subscribe-hint')).toHaveTextContent('在微信中打开可接收活动提醒')
    await act(async () => void fireEvent.click(screen.getByTestId('event-signup-button')))
    expect(requestSubscribeMock).not.toHaveBeenCalled()
    await waitFor(() => expect(screen.getByTestId('event-mine')).toHaveTextContent('查看我的报名'))
    expect(toasts()).toContain('报名成功')
    expect(screen.getByTestId('event-mine-state')).toHaveTextContent('我的状态：已报名')
    expect(signUpCalls()).toEqual([{ eventId: '31', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }])
    fireEvent.click(screen.getByTestId('event-mine'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/events/pages/registration/index?id=701' })
  })

  it('on WeChat, the tap shows the subscribe popup first and synchronously, then signs up whatever the answer, then records the answers', async () => {
    process.env.TARO_ENV = 'weapp'
    const order: string[] = []
    requestSubscribeMock.mockImplementation(() => {
      order.push('popup')
      return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'TPL-REMIND': 'accept', 'TPL-WAIT': 'reject', 'TPL-CHANGE': 'accept' })
    })
    serve(anEvent(), {
      signUpForEvent: () => {
        order.push('signup')
        return { registration: aRegistration(), pointsBalance: 1280, repeated: false }
      },
      recordSubscriptionConsent: (input) => {
        order.push('consent')
        expect(input).toEqual({
          requestId: expect.any(String),
          results: [
            { kind: 'event_reminder', result: 'accept' },
            { kind: 'event_waitlist', result: 'reject' },
            { kind: 'event_changed', result: 'accept' },
          ],
        })
        return { templates: [] }
      },
    }, TEMPLATES)
    render(<EventDetailPage />)
    const button = await screen.findByTestId('event-signup-button')
    expect(screen.queryByTestId('event-subscribe-hint')).toBeNull()
    act(() => void fireEvent.click(button))
    // Within the tap itself, before anything was awaited: the popup, and it came before the sign-up was sent.
    expect(requestSubscribeMock).toHaveBeenCalledWith({ tmplIds: ['TPL-REMIND', 'TPL-WAIT', 'TPL-CHANGE'] })
    expect(order[0]).toBe('popup')
    const firstSignUp = callApiMock.mock.calls.findIndex(([name]) => name === 'signUpForEvent')
    expect(requestSubscribeMock.mock.invocationCallOrder[0]).toBeLessThan(callApiMock.mock.invocationCallOrder[firstSignUp])
    await waitFor(() => expect(order).toContain('consent'))
    expect(order).toContain('signup')
    await waitFor(() => expect(screen.getByTestId('event-mine')).toBeInTheDocument())
  })

  it('a refused popup changes nothing: the sign-up goes ahead and nothing is recorded', async () => {
    process.env.TARO_ENV = 'weapp'
    requestSubscribeMock.mockImplementation(() => Promise.reject({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' }))
    serve(anEvent(), { signUpForEvent: () => ({ registration: aRegistration(), pointsBalance: 1280, repeated: false }) }, TEMPLATES)
    render(<EventDetailPage />)
    const tapped = await screen.findByTestId('event-signup-button')
    await act(async () => void fireEvent.click(tapped))
    await waitFor(() => expect(screen.getByTestId('event-mine')).toBeInTheDocument())
    expect(callApiMock.mock.calls.some(([name]) => name === 'recordSubscriptionConsent')).toBe(false)
  })

  it('on WeChat without templates, signs up without any popup', async () => {
    process.env.TARO_ENV = 'weapp'
    serve(anEvent(), { signUpForEvent: () => ({ registration: aRegistration(), pointsBalance: 1280, repeated: false }) })
    render(<EventDetailPage />)
    const tapped = await screen.findByTestId('event-signup-button')
    await act(async () => void fireEvent.click(tapped))
    await waitFor(() => expect(signUpCalls()).toHaveLength(1))
    expect(requestSubscribeMock).not.toHaveBeenCalled()
  })

  it('a points-cost event confirms first; the popup comes from the dialog confirm tap, before the sign-up', async () => {
    process.env.TARO_ENV = 'weapp'
    requestSubscribeMock.mockImplementation(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'TPL-REMIND': 'accept' }))
    serve(anEvent({ pointsCost: 100 }), {
      signUpForEvent: () => ({ registration: aRegistration({ pointsPaid: 100 }), pointsBalance: 1180, repeated: false }),
      recordSubscriptionConsent: () => ({ templates: [] }),
    }, TEMPLATES.slice(0, 1))
    render(<EventDetailPage />)
    expect(await screen.findByTestId('event-rules')).toHaveTextContent('报名需 100 积分（取消报名可退回，候补不扣积分）')
    fireEvent.click(screen.getByTestId('event-signup-button'))
    expect(await screen.findByText('报名将扣除 100 积分，取消报名可退回')).toBeInTheDocument()
    // Opening the dialog is not the sign-up tap: no popup yet, nothing sent.
    expect(requestSubscribeMock).not.toHaveBeenCalled()
    expect(signUpCalls()).toHaveLength(0)
    act(() => void fireEvent.click(screen.getByText('确认报名', { selector: '.nut-button *, .nut-button' })))
    expect(requestSubscribeMock).toHaveBeenCalledWith({ tmplIds: ['TPL-REMIND'] })
    await waitFor(() => expect(signUpCalls()).toHaveLength(1))
    const firstSignUp = callApiMock.mock.calls.findIndex(([name]) => name === 'signUpForEvent')
    expect(requestSubscribeMock.mock.invocationCallOrder[0]).toBeLessThan(callApiMock.mock.invocationCallOrder[firstSignUp])
  })

  it('a full event offers 加入候补 and says the place in the queue', async () => {
    serve(anEvent({ seatsLeft: 0, waitlistCount: 2, signupState: 'waitlist', reason: '名额已满，可加入候补' }), {
      signUpForEvent: () => ({ registration: aRegistration({ status: 'waitlisted', waitlistPosition: 3, registeredAt: null }), pointsBalance: 1280, repeated: false }),
    })
    render(<EventDetailPage />)
    expect(await screen.findByTestId('event-seats')).toHaveTextContent('已满 · 候补 2 人')
    const button = screen.getByTestId('event-signup-button')
    expect(button).toHaveTextContent('加入候补')
    await act(async () => void fireEvent.click(button))
    await waitFor(() => expect(toasts()).toContain('已加入候补（第 3 位）'))
    expect(screen.getByTestId('event-mine-state')).toHaveTextContent('候补第 3 位')
  })

  it.each<[string, Partial<EventDetailView>, string]>([
    ['not open yet', { signupState: 'not_started', reason: '12月1日 10:00 开始报名' }, '12月1日 10:00 开始报名'],
    ['closed', { signupState: 'closed', reason: null }, '报名已截止'],
    ['tier-locked', { ...goldOnly, signupState: 'tier_locked', reason: '金卡及以上可报名' }, '金卡及以上可报名'],
    ['ended', { signupState: 'ended', reason: '活动已结束' }, '活动已结束'],
    ['cancelled', { signupState: 'cancelled', reason: '活动已取消' }, '活动已取消'],
    ['short of points', { pointsCost: 300, shortBy: 20, reason: '积分不足（差 20 分）' }, '积分不足（差 20 分）'],
  ])('%s: the button is disabled and says why', async (_name, over, label) => {
    serve(anEvent(over))
    render(<EventDetailPage />)
    expect(await screen.findByTestId('event-signup-disabled')).toHaveTextContent(label)
    expect(screen.queryByTestId('event-signup-button')).toBeNull()
    cleanup()
  })

  it('banners a changed event and a cancelled one', async () => {
    serve(anEvent({ changedAt: '2099-11-30T02:00:00.000Z' }))
    render(<EventDetailPage />)
    expect(await screen.findByTestId('event-banner')).toHaveTextContent('活动时间/地点已变更（11月30日 10:00）')
    cleanup()
    serve(anEvent({ signupState: 'cancelled', reason: '活动已取消', changedAt: '2099-11-30T02:00:00.000Z' }))
    render(<EventDetailPage />)
    expect(await screen.findByTestId('event-banner')).toHaveTextContent('活动已取消')
  })

  it('after a network failure the retry repeats the request id; a refusal shows the server words and reloads', async () => {
    let round = 0
    let loads = 0
    routeCheckedApi(callApiMock, {
      getEvent: () => {
        loads += 1
        return { event: anEvent(round >= 2 ? { signupState: 'closed', reason: '报名已截止' } : {}), pointsBalance: 1280, subscribeTemplates: [] }
      },
      signUpForEvent: () => {
        round += 1
        if (round === 1) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        throw new ApiError('EVENT_SIGNUP_CLOSED', '报名已截止')
      },
    })
    render(<EventDetailPage />)
    const tapped = await screen.findByTestId('event-signup-button')
    await act(async () => void fireEvent.click(tapped))
    expect(await screen.findByTestId('event-refusal')).toHaveTextContent('网络连接失败，请检查网络后重试')
    await act(async () => void fireEvent.click(screen.getByTestId('event-signup-button')))
    await waitFor(() => expect(screen.getByTestId('event-signup-disabled')).toHaveTextContent('报名已截止'))
    const [first, second] = signUpCalls()
    expect(second.requestId).toBe(first.requestId)
    expect(loads).toBe(2)
  })

  it('an event that cannot load says why, with the back bar', async () => {
    routeCheckedApi(callApiMock, {
      getEvent: () => {
        throw new ApiError('EVENT_NOT_FOUND', '活动不存在或已下线')
      },
    })
    render(<EventDetailPage />)
    expect(await screen.findByText('活动不存在或已下线')).toBeInTheDocument()
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
  })
})
