import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { aRedemption } from '../../../../../tests/ui/mall-console-fixtures'
import MallRedemptionsPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input)

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

describe('兑换记录', () => {
  it("shows each redemption's state in Chinese with the member masked, pages on, and filters by state", async () => {
    __taro.setRouterParams({ itemId: '11' })
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listMallRedemptions: (input) => {
        const i = input as { cursor?: string; status?: string }
        if (i.status === 'expired') return { redemptions: [aRedemption({ id: '20', status: 'expired', closedAt: '2026-11-21T16:00:00.000Z', closeReason: '逾期未领取', pointsReturned: 1500 })], nextCursor: null }
        if (i.cursor) return { redemptions: [aRedemption({ id: '29', status: 'picked_up', pickedUp: { at: '2026-11-19T04:00:00.000Z', staffName: '店员小王' } })], nextCursor: null }
        return { redemptions: [aRedemption()], nextCursor: '31' }
      },
    })
    render(<MallRedemptionsPage />)
    expect(await screen.findByTestId('mall-record-status-31')).toHaveTextContent('待领取')
    expect(screen.getByTestId('mall-record-31')).toHaveTextContent('小林 · 138****5678 · 卡号 10000001')
    fireEvent.click(screen.getByTestId('mall-records-more'))
    expect(await screen.findByTestId('mall-record-status-29')).toHaveTextContent('已领取')
    expect(screen.getByTestId('mall-record-29')).toHaveTextContent('由 店员小王 核销')
    expect(calls('listMallRedemptions')).toEqual([
      { limit: 20, itemId: '11' },
      { limit: 20, itemId: '11', cursor: '31' },
    ])

    fireEvent.click(screen.getByTestId('mall-filter-expired'))
    expect(await screen.findByTestId('mall-record-status-20')).toHaveTextContent('已过期')
    expect(screen.getByTestId('mall-record-20')).toHaveTextContent('逾期未领取 · 退回 1500 积分')
    await waitFor(() => expect(screen.queryByTestId('mall-record-31')).not.toBeInTheDocument())
    expect(calls('listMallRedemptions').at(-1)).toEqual({ limit: 20, status: 'expired', itemId: '11' })
  })

  it('an empty filter says so', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => manager, listMallRedemptions: () => ({ redemptions: [], nextCursor: null }) })
    render(<MallRedemptionsPage />)
    expect(await screen.findByText('暂无兑换记录')).toBeInTheDocument()
  })
})
