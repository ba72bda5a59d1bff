/**
 * The BUILT 活动 tab (dist/weapp/pages/events/index, main package) and event page (packages/events/pages/detail,
 * subpackage) in the mini-program runtime. The tab asks listEvents and shows each event's time in store time,
 * seats or the waitlist, tier badge, points rule and my own state; a tap opens the event in its subpackage. The event
 * page shows its rules and one button; the sign-up tap shows WeChat's subscribe popup before the sign-up is sent,
 * then says 报名成功 and turns into 查看我的报名. Only wx.* is fake (see ./harness).
 */
import fs from 'node:fs'
import path from 'node:path'
import { api, type ApiOutput } from '../../src/contract'
import type { EventDetailView } from '../../src/contract/events'
import { aRegistration, anEvent, anEventCard, goldOnly, TEMPLATES } from '../ui/event-fixtures'
import { allByClass, buttonLabelled, buttonLabels, createWeapp, tap, waitFor, type WeappHarness } from './harness'

const EVENTS_PAGE = 'pages/events/index'
const DETAIL_PAGE = 'packages/events/pages/detail/index'

// Checked against the contract's output schema, so the fake cannot drift from what the server sends.
const ok = <N extends keyof typeof api>(name: N, data: ApiOutput<N>) => ({ ok: true, data: api[name].output.parse(data) })

describe('built weapp 活动 tab (main package)', () => {
  let weapp: WeappHarness
  let page: ReturnType<WeappHarness['openPage']>
  const texts = (cls: string) => allByClass(page.dom, cls).map((e) => e.textContent)

  beforeAll(() => {
    weapp = createWeapp({ page: EVENTS_PAGE })
    weapp.cloud.listEvents = () =>
      ok('listEvents', {
        pointsBalance: 1280,
        events: [
          anEventCard(),
          anEventCard({ id: '32', title: '拉花体验课', seatsLeft: 0, waitlistCount: 4, signupState: 'waitlist', pointsCost: 100, rewardPoints: 0, myRegistration: { id: '9', status: 'waitlisted', waitlistPosition: 3 } }),
          anEventCard({ id: '33', title: '金卡沙龙', ...goldOnly, coverUrl: '/files/salon.png', myRegistration: { id: '8', status: 'registered', waitlistPosition: null } }),
        ],
      })
    page = weapp.openPage()
  })
  afterAll(() => weapp?.closePage())

  it('shows each event with its time, seats or waitlist, tier, points rule and my state', async () => {
    await waitFor(() => allByClass(page.dom, 'event-card').length === 3, 'three event cards')
    expect(weapp.calls.find((c) => c.name === 'listEvents')).toMatchObject({ group: 'member' })
    expect(texts('event-card__title')).toEqual(['手冲咖啡品鉴会', '拉花体验课', '金卡沙龙'])
    expect(texts('event-card__line')).toContain('2099年12月5日 周六 14:00–16:00')
    expect(texts('event-card__tag')).toEqual(expect.arrayContaining(['剩余 12 席', '签到得 50 积分', '已满 · 候补 4 人', '报名需 100 积分', '金卡及以上']))
    expect(texts('event-card__mine')).toEqual(['候补第 3 位', '已报名'])
    expect(texts('events-page__link')[0]).toContain('我的活动')
    expect(weapp.wxmlWarnings).toEqual([])
  })

  it('a tap on an event opens it in the events subpackage', async () => {
    await tap(allByClass(page.dom, 'event-card__title')[1])
    await waitFor(() => weapp.navigations.length > 0, 'a navigation')
    expect(weapp.navigations[0]).toEqual({ api: 'navigateTo', url: '/packages/events/pages/detail/index?id=32' })
  })
})

describe('built weapp event covers', () => {
  // Taro's <Image> is 320 px wide unless a class says otherwise: wider than a 320 px screen less the margins.
  const wxss = (file: string) => fs.readFileSync(path.join(__dirname, '../../dist/weapp', file), 'utf8')
  it('set a width that follows the screen, on the tab and on the event page', () => {
    expect(wxss('common.wxss')).toMatch(/\.event-card__cover\{[^}]*width:100%/)
    expect(wxss(`${DETAIL_PAGE.replace(/index$/, 'index.wxss')}`)).toMatch(/\.event-page__cover\{[^}]*width:calc\(100% - 48rpx\)/)
  })
})

describe('built weapp event page (subpackage packages/events)', () => {
  let weapp: WeappHarness
  let page: ReturnType<WeappHarness['openPage']>
  const texts = (cls: string) => allByClass(page.dom, cls).map((e) => e.textContent)
  const order: string[] = []
  let mine: EventDetailView['myRegistration'] = null

  beforeAll(() => {
    // A second page in this file: the built app is loaded afresh for it, as WeChat would on a cold start.
    jest.isolateModules(() => {
      weapp = createWeapp({ page: DETAIL_PAGE })
    })
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
    wx.requestSubscribeMessage = (opts: { tmplIds: string[]; success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
      order.push(`popup ${opts.tmplIds.join(',')}`)
      const res = { errMsg: 'requestSubscribeMessage:ok', 'TPL-REMIND': 'accept', 'TPL-WAIT': 'accept', 'TPL-CHANGE': 'reject' }
      if (opts.success || opts.complete) {
        Promise.resolve().then(() => {
          opts.success?.(res)
          opts.complete?.(res)
        })
        return undefined
      }
      return Promise.resolve(res)
    }
    weapp.cloud.getEvent = () => ok('getEvent', { event: anEvent({ id: '32', myRegistration: mine }), pointsBalance: 1280, subscribeTemplates: TEMPLATES })
    weapp.cloud.signUpForEvent = () => {
      order.push('signUpForEvent')
      const registration = aRegistration({ eventId: '32' })
      mine = { id: registration.id, status: 'registered', waitlistPosition: null }
      return ok('signUpForEvent', { registration, pointsBalance: 1280, repeated: false })
    }
    weapp.cloud.recordSubscriptionConsent = () => ok('recordSubscriptionConsent', { templates: [] })
    page = weapp.openPage(DETAIL_PAGE, { id: '32' })
  })
  afterAll(() => weapp?.closePage())

  it('shows the event, its rules and 立即报名, without the browser-only hint', async () => {
    await waitFor(() => buttonLabelled(page.dom, '立即报名'), 'the sign-up button')
    expect(weapp.calls.find((c) => c.name === 'getEvent')).toMatchObject({ group: 'member', data: { eventId: '32' } })
    expect(texts('event-page__title')).toEqual(['手冲咖啡品鉴会'])
    expect(texts('event-page__line')).toContain('时间：2099年12月5日 周六 14:00–16:00')
    expect(texts('event-page__rule')).toEqual(expect.arrayContaining(['开始前 3 小时可取消', '到场签到得 50 积分']))
    expect(texts('event-signup__hint')).not.toContain('在微信中打开可接收活动提醒')
    expect(weapp.wxmlWarnings).toEqual([])
  })

  it('the sign-up tap shows the subscribe popup first, signs up, says 报名成功 and offers 查看我的报名', async () => {
    await tap(buttonLabelled(page.dom, '立即报名'))
    await waitFor(() => buttonLabels(page.dom).includes('查看我的报名'), 'the registered state')
    expect(order.slice(0, 2)).toEqual(['popup TPL-REMIND,TPL-WAIT,TPL-CHANGE', 'signUpForEvent'])
    expect(weapp.toasts).toContain('报名成功')
    await waitFor(() => weapp.callsTo('recordSubscriptionConsent') === 1, 'the consent recorded')
    expect(weapp.calls.find((c) => c.name === 'recordSubscriptionConsent')?.data).toMatchObject({
      results: [
        { kind: 'event_reminder', result: 'accept' },
        { kind: 'event_waitlist', result: 'accept' },
        { kind: 'event_changed', result: 'reject' },
      ],
    })
  })
})
