import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { choosePicture } from '../../../../features/mall-catalog/picture'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { aDraftEvent, anAdminEvent, aNoticePreview } from '../../../../../tests/ui/event-console-fixtures'
import EventEditorPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())
jest.mock('../../../../features/mall-catalog/picture', () => ({ choosePicture: jest.fn() }))

const callApiMock = callApi as jest.Mock
const chooseMock = choosePicture as jest.Mock
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input as Record<string, unknown>)
// 23:30 on Nov 23 in the store (15:30Z): "tomorrow" is Nov 24 whatever the machine's zone.
const NOW = Date.parse('2026-11-23T15:30:00.000Z')

beforeEach(() => {
  useSessionStore.setState({ status: 'idle', me: null, error: null })
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
})
afterEach(() => jest.restoreAllMocks())

async function open(id?: string) {
  if (id) __taro.setRouterParams({ id })
  render(<EventEditorPage />)
  await screen.findByTestId('event-title')
}
const save = () => fireEvent.click(screen.getByTestId('event-save'))

describe('event editor', () => {
  it('a new event starts tomorrow 14:00–16:00 on the store clock; the schema’s errors show under their fields and nothing is sent', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => manager })
    await open()
    expect(screen.getByTestId('event-starts-value')).toHaveTextContent('2026-11-24 14:00')
    expect(screen.getByTestId('event-ends-value')).toHaveTextContent('2026-11-24 16:00')
    typeInto('event-capacity', '0')
    fireEvent.click(screen.getByTestId('event-rule-min'))
    save()
    expect(await screen.findByTestId('event-capacity-error')).toHaveTextContent('名额至少 1 人')
    expect(screen.getByTestId('event-tier-error')).toHaveTextContent('请选择会员等级')
    expect(screen.getByTestId('event-title-error')).toBeInTheDocument()
    expect(calls('createEvent')).toHaveLength(0)
  })

  it('creates a draft with the uploaded cover, one requestId reused after a network error, then offers 发布', async () => {
    let attempt = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      uploadMallImage: () => ({ imageKey: 'mall/c0.jpg', imageUrl: '/files/mall/c0.jpg' }),
      createEvent: () => {
        if (attempt++ === 0) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { event: aDraftEvent() }
      },
    })
    chooseMock.mockResolvedValue({ ok: true, picture: { contentType: 'image/jpeg', dataBase64: '/9j/AA==' } })
    await open()
    fireEvent.click(screen.getByTestId('event-cover-pick'))
    expect(await screen.findByTestId('event-cover-preview')).toHaveAttribute('src', '/files/mall/c0.jpg')
    typeInto('event-title', '周末手冲咖啡课')
    typeInto('event-place', '一楼吧台')
    typeInto('event-reward', '50')
    fireEvent.click(screen.getByTestId('event-rule-min'))
    fireEvent.click(screen.getByTestId('event-tier-gold'))
    save()
    expect(await screen.findByTestId('event-error')).toHaveTextContent('网络连接失败')
    save()
    expect(await screen.findByTestId('event-publish')).toHaveTextContent('发布')
    const [first, second] = calls('createEvent') as Array<{ requestId: string; event: Record<string, unknown> }>
    expect(second.requestId).toBe(first.requestId)
    expect(first.event).toMatchObject({ title: '周末手冲咖啡课', place: '一楼吧台', coverKey: 'mall/c0.jpg', startsAt: '2026-11-24 14:00', endsAt: '2026-11-24 16:00', capacity: 20, rewardPoints: 50, minTierCode: 'gold', earlyTierCode: null, cancelCutoffHours: null })
  })

  it('shows the server’s field errors (BAD_INPUT) and the capacity refusal under their fields', async () => {
    let round = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      getEventAdmin: () => ({ event: anAdminEvent() }),
      updateEvent: () => {
        if (round++ === 0) throw new ApiError('BAD_INPUT', '输入有误', { 'event.place': '活动地点不能为空白' })
        throw new ApiError('EVENT_CAPACITY_BELOW_REGISTERED', '名额不能少于已报名人数（12 人）')
      },
    })
    await open('7')
    save()
    expect(await screen.findByTestId('event-place-error')).toHaveTextContent('活动地点不能为空白')
    typeInto('event-capacity', '10')
    save()
    expect(await screen.findByTestId('event-capacity-error')).toHaveTextContent('名额不能少于已报名人数（12 人）')
    expect(calls('updateEvent')[1]).toEqual({ eventId: '7', event: expect.objectContaining({ capacity: 10 }) })
  })

  it('warns before saving a published event’s new time: 将通知已报名的 15 位会员', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      getEventAdmin: () => ({ event: anAdminEvent() }),
      updateEvent: () => ({ event: anAdminEvent({ place: '二楼' }), membersTold: 15, promoted: 0 }),
    })
    await open('7')
    typeInto('event-place', '二楼')
    save()
    expect(await screen.findByTestId('event-change')).toHaveTextContent('将通知已报名的 15 位会员')
    expect(calls('updateEvent')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('event-change-ok'))
    await waitFor(() => expect(calls('updateEvent')).toHaveLength(1))
    expect(calls('updateEvent')[0]).toEqual({ eventId: '7', event: expect.objectContaining({ place: '二楼' }) })
  })

  it('the publish sheet previews the notice: counts, the in-app copy, the WeChat fields with a truncated one shown in full on tap; 立即发布 notifies', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      getEventAdmin: () => ({ event: aDraftEvent() }),
      previewEventNotice: () => {
        const preview = aNoticePreview({ wechatSendsAt: '2026-11-24T01:00:00.000Z' })
        return { ...preview, wechat: { ...preview.wechat!, problems: ['活动地点超过 20 个字，微信只显示前 20 个字'] } }
      },
      publishEvent: () => ({ event: anAdminEvent({ id: '9' }), queued: 120 }),
    })
    await open('9')
    fireEvent.click(screen.getByTestId('event-publish'))
    expect(await screen.findByTestId('publish-audience')).toHaveTextContent('将通知 120 位会员（其中 45 位可收到微信消息）')
    expect(calls('previewEventNotice')).toEqual([{ eventId: '9' }])
    expect(screen.getByTestId('publish-inapp')).toHaveTextContent('新活动：周末手冲咖啡课')
    const wechat = screen.getByTestId('publish-wechat')
    expect(wechat).toHaveTextContent('活动报名提醒')
    expect(within(wechat).getByTestId('publish-field-thing1')).toHaveTextContent('活动名称周末手冲咖啡课')
    const cut = within(wechat).getByTestId('publish-field-thing2')
    expect(cut).toHaveTextContent('已截断')
    fireEvent.click(cut)
    expect(cut).toHaveTextContent('沿走廊到底')
    expect(screen.getByTestId('publish-problem')).toHaveTextContent('活动地点超过 20 个字')
    expect(screen.getByTestId('publish-quiet')).toHaveTextContent('免打扰时段，微信消息将于 11月24日 09:00 发送')
    fireEvent.click(screen.getByTestId('publish-ok'))
    await waitFor(() => expect(calls('publishEvent')).toEqual([{ eventId: '9', notify: true }]))
    await waitFor(() => expect(screen.queryByTestId('publish')).toBeNull())
    expect(screen.getByTestId('event-state')).toHaveTextContent('已发布')
  })

  it('schedules a publish at a store time (tomorrow 10:00 by default), without a notice; no template says in-app only', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      getEventAdmin: () => ({ event: aDraftEvent() }),
      previewEventNotice: () => aNoticePreview({ wechat: null, wechatReachable: 0 }),
      publishEvent: () => ({ event: aDraftEvent({ status: 'scheduled', publishAt: '2026-11-24T02:00:00.000Z' }), queued: 0 }),
    })
    await open('9')
    fireEvent.click(screen.getByTestId('event-publish'))
    expect(await screen.findByTestId('publish-no-template')).toHaveTextContent('未配置微信模板，仅发送站内消息')
    fireEvent.click(screen.getByTestId('publish-mode-scheduled'))
    expect(screen.getByTestId('publish-at-value')).toHaveTextContent('2026-11-24 10:00')
    fireEvent.click(screen.getByTestId('publish-notify'))
    expect(screen.queryByTestId('publish-preview')).toBeNull()
    fireEvent.click(screen.getByTestId('publish-ok'))
    await waitFor(() => expect(calls('publishEvent')).toEqual([{ eventId: '9', notify: false, publishAt: '2026-11-24 10:00' }]))
    expect(await screen.findByTestId('event-state')).toHaveTextContent('定时 11月24日 10:00 发布')
    expect(screen.queryByTestId('publish')).toBeNull()
    // Scheduled: it can still be brought forward to now or re-timed.
    expect(screen.getByTestId('event-publish')).toHaveTextContent('立即发布或改时间…')
  })

  it('cancels the event with a reason, saying registrations are cancelled and points refunded, then shows the counts', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      getEventAdmin: () => ({ event: anAdminEvent({ pointsCost: 100 }) }),
      cancelEvent: () => ({ event: anAdminEvent({ status: 'cancelled', cancelledAt: '2026-11-23T15:30:00.000Z', cancelReason: '场地维修' }), registrationsCancelled: 15, pointsRefunded: 1200 }),
    })
    await open('7')
    fireEvent.click(screen.getByTestId('event-cancel-open'))
    expect(screen.getByTestId('event-cancel')).toHaveTextContent('15 个报名（含候补）将全部取消，已扣的报名积分将退回会员')
    fireEvent.click(screen.getByTestId('event-cancel-ok'))
    expect(screen.getByTestId('event-cancel-error')).toHaveTextContent('取消原因')
    typeInto('event-cancel-reason', '场地维修')
    fireEvent.click(screen.getByTestId('event-cancel-ok'))
    expect(await screen.findByTestId('event-cancel-done')).toHaveTextContent('15 个报名已取消，共退回 1200 积分')
    expect(calls('cancelEvent')).toEqual([{ eventId: '7', reason: '场地维修' }])
    expect(screen.queryByTestId('event-save')).toBeNull()
    expect(screen.queryByTestId('event-cancel-open')).toBeNull()
  })
})
