import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { aLookup } from '../../../../../tests/ui/fixtures'
import { aDoorEntry, aDoorEvent, anAttended, MEMBER_CODE, TICKET_CODE } from '../../../../../tests/ui/event-door-fixtures'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import { __taro } from '../../../../../tests/ui/taro-mock'
import DoorPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '小王' }
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input as Record<string, string>)
const waiting = aDoorEntry({ registrationId: '42', nickname: '阿明', phoneMasked: '139****0001' })

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))
afterEach(() => jest.useRealTimers())

async function openDoor() {
  __taro.setRouterParams({ id: '7' })
  render(<DoorPage />)
  await screen.findByTestId('door-counts')
}
function submit(code: string) {
  typeInto('door-code', code)
  fireEvent.click(screen.getByTestId('door-submit'))
}

describe('活动签到 (the door)', () => {
  it('picks among today’s events, then shows the counts and the masked list with who checked in when', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffListDoorEvents: () => ({ events: [aDoorEvent(), aDoorEvent({ id: '8', title: '晚间品鉴会', checkInOpen: false, checkInOpensAt: '2026-11-23 17:00' })] }),
      staffGetDoorList: () => ({ event: aDoorEvent(), entries: [anAttended(), waiting] }),
    })
    render(<DoorPage />)
    expect(await screen.findByTestId('door-event-8')).toHaveTextContent('11月23日 17:00 起签到')
    fireEvent.click(screen.getByTestId('door-event-7'))
    expect(await screen.findByTestId('door-counts')).toHaveTextContent('已签到 5 / 已报名 12，剩余 8 席，候补 3')
    expect(calls('staffGetDoorList')).toEqual([{ eventId: '7' }])
    expect(screen.getByTestId('door-entry-41-status')).toHaveTextContent('已签到 14:02 · 小王')
    expect(screen.getByTestId('door-entry-42')).toHaveTextContent('阿明139****0001 · 银卡')
    fireEvent.click(screen.getByTestId('door-filter-waiting'))
    expect(screen.queryByTestId('door-entry-41')).toBeNull()
    fireEvent.click(screen.getByTestId('door-filter-all'))
    typeInto('door-search', '0001')
    expect(screen.queryByTestId('door-entry-41')).toBeNull()
    expect(screen.getByTestId('door-entry-42')).toBeInTheDocument()
    // A clerk cannot void.
    expect(screen.queryByTestId('door-entry-41-void')).toBeNull()
  })

  it('checks a ticket in for this event: 签到成功 · +50 积分, and the entry and counts update at once', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffGetDoorList: () => ({ event: aDoorEvent(), entries: [aDoorEntry()] }),
      staffCheckIn: () => ({ entry: anAttended(), event: aDoorEvent({ attendedCount: 6 }), rewardPoints: 50, repeated: false }),
    })
    await openDoor()
    submit('E1 1234 5678 9012 3456 7890')
    expect(await screen.findByTestId('door-result')).toHaveTextContent('签到成功 · +50 积分')
    expect(calls('staffCheckIn')).toEqual([{ ticketCode: TICKET_CODE, eventId: '7', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }])
    expect(screen.getByTestId('door-counts')).toHaveTextContent('已签到 6 / 已报名 12')
    expect(screen.getByTestId('door-entry-41-status')).toHaveTextContent('已签到 14:02 · 小王')
  })

  it('refuses another event’s ticket with the server’s message, shown prominently; a retry after a network error keeps the request id', async () => {
    let round = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffGetDoorList: () => ({ event: aDoorEvent(), entries: [] }),
      staffCheckIn: () => {
        round += 1
        if (round === 1) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        throw new ApiError('EVENT_TICKET_OTHER_EVENT', '该票属于「晚间品鉴会」，不是当前活动')
      },
    })
    await openDoor()
    submit(TICKET_CODE)
    expect(await screen.findByTestId('door-result')).toHaveTextContent('网络连接失败')
    fireEvent.click(screen.getByTestId('door-submit'))
    await waitFor(() => expect(screen.getByTestId('door-result')).toHaveTextContent('该票属于「晚间品鉴会」，不是当前活动'))
    expect(screen.getByTestId('door-result')).toHaveClass('door-result--refused')
    expect(screen.queryByTestId('door-walk-in')).toBeNull()
    const [first, second] = calls('staffCheckIn')
    expect(second.requestId).toBe(first.requestId)
  })

  it('a member code not registered is looked up, refused, and 现场补签 takes a free seat', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffGetDoorList: () => ({ event: aDoorEvent(), entries: [] }),
      staffLookupMember: () => aLookup({ ticket: 'ticket-9' }),
      staffCheckIn: () => {
        throw new ApiError('CHECK_IN_NOT_REGISTERED', '该会员未报名此活动')
      },
      staffWalkIn: () => ({ entry: anAttended({ registrationId: '50', source: 'walk_in' }), event: aDoorEvent({ seatsLeft: 7, registeredCount: 13, attendedCount: 6 }), rewardPoints: 50, repeated: false }),
    })
    await openDoor()
    submit(MEMBER_CODE)
    expect(await screen.findByTestId('door-result')).toHaveTextContent('该会员未报名此活动')
    expect(calls('staffLookupMember')).toEqual([{ memberCode: MEMBER_CODE }])
    expect(calls('staffCheckIn')).toEqual([{ memberTicket: 'ticket-9', eventId: '7', requestId: expect.any(String) }])
    fireEvent.click(screen.getByTestId('door-walk-in'))
    await waitFor(() => expect(screen.getByTestId('door-result')).toHaveTextContent('签到成功 · +50 积分'))
    expect(calls('staffWalkIn')).toEqual([{ eventId: '7', memberTicket: 'ticket-9', requestId: expect.any(String) }])
    expect(screen.getByTestId('door-counts')).toHaveTextContent('剩余 7 席')
    expect(screen.getByTestId('door-entry-50')).toHaveTextContent('（现场补签）')
  })

  it('a walk-in on a full event shows 活动名额已满', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffGetDoorList: () => ({ event: aDoorEvent({ seatsLeft: 0 }), entries: [] }),
      staffLookupMember: () => aLookup(),
      staffCheckIn: () => {
        throw new ApiError('CHECK_IN_WAITLISTED', '该会员仍在候补中，未获得名额')
      },
      staffWalkIn: () => {
        throw new ApiError('EVENT_FULL', '活动名额已满')
      },
    })
    await openDoor()
    submit(MEMBER_CODE)
    fireEvent.click(await screen.findByTestId('door-walk-in'))
    await waitFor(() => expect(screen.getByTestId('door-result')).toHaveTextContent('活动名额已满'))
    expect(screen.queryByTestId('door-walk-in')).toBeNull()
  })

  it('a manager voids a check-in with a reason, after a confirm; the counts are read again', async () => {
    let voided = false
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffGetDoorList: () => ({ event: aDoorEvent({ attendedCount: voided ? 4 : 5 }), entries: [voided ? aDoorEntry() : anAttended()] }),
      staffVoidCheckIn: () => {
        voided = true
        return { entry: aDoorEntry(), pointsTakenBack: 50 }
      },
    })
    await openDoor()
    fireEvent.click(screen.getByTestId('door-entry-41-void'))
    expect(screen.getByTestId('door-void')).toHaveTextContent('撤销 小林 的签到？')
    fireEvent.click(screen.getByTestId('door-void-ok'))
    expect(screen.getByTestId('door-void-error')).toHaveTextContent('撤销原因')
    expect(calls('staffVoidCheckIn')).toHaveLength(0)
    typeInto('door-void-reason', '误扫')
    fireEvent.click(screen.getByTestId('door-void-ok'))
    await waitFor(() => expect(screen.getByTestId('door-entry-41-status')).toHaveTextContent('未签到'))
    expect(calls('staffVoidCheckIn')).toEqual([{ registrationId: '41', reason: '误扫' }])
    expect(screen.queryByTestId('door-void')).toBeNull()
    await waitFor(() => expect(screen.getByTestId('door-counts')).toHaveTextContent('已签到 4 / 已报名 12'))
  })

  it('refreshes the list every 10 s while visible and stops when the page is hidden', async () => {
    jest.useFakeTimers()
    routeCheckedApi(callApiMock, { whoAmI: () => clerk, staffGetDoorList: () => ({ event: aDoorEvent(), entries: [] }) })
    await openDoor()
    expect(calls('staffGetDoorList')).toHaveLength(1)
    await act(async () => {
      jest.advanceTimersByTime(10_000)
    })
    expect(calls('staffGetDoorList')).toHaveLength(2)
    act(() => __taro.hide())
    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    expect(calls('staffGetDoorList')).toHaveLength(2)
    act(() => __taro.show())
    await act(async () => {
      jest.advanceTimersByTime(10_000)
    })
    expect(calls('staffGetDoorList').length).toBeGreaterThan(2)
  })

  it('is for staff: a member is told so and nothing is loaded', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null }) })
    render(<DoorPage />)
    expect(await screen.findByTestId('door-forbidden')).toHaveTextContent('仅限门店员工')
    expect(calls('staffListDoorEvents')).toHaveLength(0)
    expect(within(document.body).queryByTestId('door-counts')).toBeNull()
  })
})
