import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { aLookup, CODE } from '../../../../../tests/ui/fixtures'
import { aDoorEntry, aDoorEvent, anAttended, TICKET_CODE } from '../../../../../tests/ui/event-door-fixtures'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import TillPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '阿杰' }

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input as Record<string, string>)

async function scan(text: string) {
  render(<TillPage />)
  await screen.findByTestId('till-code-input')
  typeInto('till-code-input', text)
  fireEvent.click(screen.getByTestId('till-lookup'))
}

describe('till: event tickets', () => {
  it('the scan hint names event tickets, and 活动签到 opens the door list', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk })
    render(<TillPage />)
    expect(await screen.findByText(/活动票（E1 开头）签到/)).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('till-door-link'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/door/index' })
  })

  it('a scanned E1 ticket shows the event and the masked member, then 确认签到 shows 签到成功 · +50 积分', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffPreviewTicket: () => ({ entry: aDoorEntry(), event: aDoorEvent() }),
      staffCheckIn: () => ({ entry: anAttended(), event: aDoorEvent({ attendedCount: 6 }), rewardPoints: 50, repeated: false }),
    })
    await scan('e1 1234 5678 9012 3456 7890')
    expect(await screen.findByTestId('till-ticket-event')).toHaveTextContent('周末手冲咖啡课')
    expect(calls('staffPreviewTicket')).toEqual([{ ticketCode: TICKET_CODE }])
    expect(screen.getByTestId('till-ticket')).toHaveTextContent('11月23日 14:00–16:00 · 一楼吧台')
    expect(screen.getByTestId('till-ticket-holder')).toHaveTextContent('小林 138****5678 · 银卡')
    expect(screen.getByTestId('till-ticket-status')).toHaveTextContent('可签到')
    fireEvent.click(screen.getByTestId('till-ticket-confirm'))
    expect(await screen.findByTestId('till-checkin-done')).toHaveTextContent('签到成功 · +50 积分')
    expect(calls('staffCheckIn')).toEqual([{ ticketCode: TICKET_CODE, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }])
    expect(screen.queryByTestId('till-ticket-confirm')).toBeNull()
    fireEvent.click(screen.getByTestId('till-next'))
    expect(await screen.findByTestId('till-code-input')).toBeInTheDocument()
  })

  it('a ticket already checked in shows when and by whom and offers no 确认签到', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk, staffPreviewTicket: () => ({ entry: anAttended(), event: aDoorEvent() }) })
    await scan(TICKET_CODE)
    expect(await screen.findByTestId('till-ticket-status')).toHaveTextContent('已签到 14:02 · 小王')
    expect(screen.queryByTestId('till-ticket-confirm')).toBeNull()
  })

  it('a retry after a network failure repeats the request id; a second desk answering 已签到 shows the server’s line', async () => {
    let round = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffPreviewTicket: () => ({ entry: round >= 2 ? anAttended() : aDoorEntry(), event: aDoorEvent() }),
      staffCheckIn: () => {
        round += 1
        if (round === 1) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        throw new ApiError('CHECK_IN_ALREADY_DONE', '已签到 14:02 · 小王')
      },
    })
    await scan(TICKET_CODE)
    fireEvent.click(await screen.findByTestId('till-ticket-confirm'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent('网络连接失败')
    expect(screen.getByTestId('till-ticket-confirm')).toHaveTextContent('重试签到')
    fireEvent.click(screen.getByTestId('till-ticket-confirm'))
    await waitFor(() => expect(screen.getByTestId('till-error')).toHaveTextContent('已签到 14:02 · 小王'))
    await waitFor(() => expect(screen.getByTestId('till-ticket-status')).toHaveTextContent('已签到 14:02 · 小王'))
    const [first, second] = calls('staffCheckIn')
    expect(second.requestId).toBe(first.requestId)
  })

  it('the member lookup lists open registrations with 签到, by the lookup ticket and that event', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup({ eventEntries: [aDoorEntry()] }),
      staffCheckIn: () => ({ entry: anAttended(), event: aDoorEvent(), rewardPoints: 50, repeated: false }),
    })
    await scan(CODE)
    const row = await screen.findByTestId('till-event-7')
    expect(row).toHaveTextContent('周末手冲咖啡课')
    fireEvent.click(within(row).getByTestId('till-event-7-checkin'))
    expect(await screen.findByTestId('till-checkin-done')).toHaveTextContent('周末手冲咖啡课：签到成功 · +50 积分')
    expect(calls('staffCheckIn')).toEqual([{ memberTicket: 'ticket-1', eventId: '7', requestId: expect.any(String) }])
    expect(screen.queryByTestId('till-event-7')).toBeNull()
    // Still the member's panel: the purchase can go on.
    expect(screen.getByTestId('till-member-name')).toHaveTextContent('小林')
  })

  it('a member without open registrations shows no event list', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk, staffLookupMember: () => aLookup() })
    await scan(CODE)
    await screen.findByTestId('till-member-name')
    expect(screen.queryByTestId('till-events')).toBeNull()
  })
})
