import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { aLookup } from '../../../../../tests/ui/fixtures'
import { aHolder, aTillPickup, PICKUP_CODE } from '../../../../../tests/ui/mall-fixtures'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import TillPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '阿杰' }
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const pickedUp = { at: '2026-11-23T06:02:00.000Z', staffName: '小王' }

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input as Record<string, string>)

async function scan(text: string) {
  render(<TillPage />)
  await screen.findByTestId('till-code-input')
  typeInto('till-code-input', text)
  fireEvent.click(screen.getByTestId('till-lookup'))
}

describe('till: pick-ups', () => {
  it('a scanned pick-up code: the panel, 确认交付 with one request id, then 已交付 and 下一位', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffPreviewPickup: () => ({ pickup: aTillPickup({ quantity: 2, points: 2000 }), holder: aHolder }),
      staffConfirmPickup: () => ({ pickup: aTillPickup({ quantity: 2, points: 2000, status: 'picked_up', pickedUp: { at: '2026-11-23T06:02:00.000Z', staffName: '阿杰' }, reason: '已核销 · 11-23 14:02 · 阿杰' }), repeated: false }),
    })
    await scan('p1 1234 5678 9012 3456 7890')
    expect(await screen.findByTestId('till-pickup-item')).toHaveTextContent('马克杯 ×2')
    expect(calls('staffPreviewPickup')).toEqual([{ pickupCode: PICKUP_CODE }])
    expect(screen.getByTestId('till-pickup-holder')).toHaveTextContent('小林 138****5678 · 银卡')
    expect(screen.getByTestId('till-pickup-status')).toHaveTextContent('可交付')
    fireEvent.click(screen.getByTestId('till-pickup-confirm-open'))
    expect(screen.getByTestId('till-pickup-confirm')).toHaveTextContent('确认交付 马克杯 ×2？')
    fireEvent.click(screen.getByTestId('till-pickup-confirm-ok'))
    expect(await screen.findByTestId('till-pickup-done')).toHaveTextContent('已交付')
    expect(calls('staffConfirmPickup')).toEqual([{ pickupCode: PICKUP_CODE, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }])
    expect(screen.queryByTestId('till-pickup-confirm-open')).toBeNull()
    fireEvent.click(screen.getByTestId('till-next'))
    expect(await screen.findByTestId('till-code-input')).toBeInTheDocument()
  })

  it('after a network failure 重试交付 repeats the request id; PICKUP_ALREADY_DONE shows when and by whom', async () => {
    let round = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffPreviewPickup: () =>
        round >= 2 ? { pickup: aTillPickup({ status: 'picked_up', pickedUp, reason: '已核销 · 11-23 14:02 · 小王' }), holder: aHolder } : { pickup: aTillPickup(), holder: aHolder },
      staffConfirmPickup: () => {
        round += 1
        if (round === 1) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        throw new ApiError('PICKUP_ALREADY_DONE', '已核销 · 11-23 14:02 · 小王')
      },
    })
    await scan(PICKUP_CODE)
    fireEvent.click(await screen.findByTestId('till-pickup-confirm-open'))
    fireEvent.click(screen.getByTestId('till-pickup-confirm-ok'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent('网络连接失败')
    expect(screen.getByTestId('till-pickup-confirm-open')).toHaveTextContent('重试交付')
    fireEvent.click(screen.getByTestId('till-pickup-confirm-open'))
    fireEvent.click(screen.getByTestId('till-pickup-confirm-ok'))
    await waitFor(() => expect(screen.getByTestId('till-error')).toHaveTextContent('已核销 · 11-23 14:02 · 小王'))
    await waitFor(() => expect(screen.getByTestId('till-pickup-status')).toHaveTextContent('已核销 · 11-23 14:02 · 小王'))
    expect(screen.queryByTestId('till-pickup-confirm-open')).toBeNull()
    const [first, second] = calls('staffConfirmPickup')
    expect(second.requestId).toBe(first.requestId)
  })

  it('an expired pick-up shows why and offers no 交付; a clerk cannot 退回', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffPreviewPickup: () => ({ pickup: aTillPickup({ status: 'picked_up', pickedUp, reason: '已核销 · 11-23 14:02 · 小王' }), holder: aHolder }),
    })
    await scan(PICKUP_CODE)
    expect(await screen.findByTestId('till-pickup-status')).toHaveTextContent('已核销 · 11-23 14:02 · 小王')
    expect(screen.queryByTestId('till-pickup-confirm-open')).toBeNull()
    expect(screen.queryByTestId('till-pickup-return-open')).toBeNull()
  })

  it('a manager returns a picked-up gift, the reason required', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffPreviewPickup: () => ({ pickup: aTillPickup({ status: 'picked_up', pickedUp, reason: '已核销 · 11-23 14:02 · 小王' }), holder: aHolder }),
      staffReturnPickup: () => ({ pickup: aTillPickup({ status: 'returned', pickedUp, reason: '已退回' }), pointsReturned: 1000 }),
    })
    await scan(PICKUP_CODE)
    fireEvent.click(await screen.findByTestId('till-pickup-return-open'))
    fireEvent.click(screen.getByTestId('till-pickup-return-ok'))
    expect(await screen.findByTestId('till-pickup-return-error')).toBeInTheDocument()
    expect(calls('staffReturnPickup')).toEqual([])
    typeInto('till-pickup-return-reason', '礼品有瑕疵')
    fireEvent.click(screen.getByTestId('till-pickup-return-ok'))
    await waitFor(() => expect(screen.getByTestId('till-pickup-status')).toHaveTextContent('已退回'))
    expect(calls('staffReturnPickup')).toEqual([{ pickupCode: PICKUP_CODE, reason: '礼品有瑕疵' }])
    expect(screen.queryByTestId('till-pickup-return-open')).toBeNull()
  })

  it('a looked-up member lists 待领取 N 件, each handed over with 交付 and its own code', async () => {
    const second = aTillPickup({ id: '502', code: 'P199999999999999999999', itemName: '帆布袋', quantity: 2 })
    routeCheckedApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup({ pickups: [aTillPickup(), second] }),
      staffConfirmPickup: () => ({ pickup: { ...second, status: 'picked_up', pickedUp, reason: '已核销' }, repeated: false }),
    })
    await scan('1234 5678 9012 3456 7890 1234')
    expect(await screen.findByTestId('till-pickups-count')).toHaveTextContent('待领取 3 件')
    fireEvent.click(within(screen.getByTestId('till-pickup-502')).getByTestId('till-pickup-502-give'))
    expect(screen.getByTestId('till-pickup-confirm')).toHaveTextContent('确认交付 帆布袋 ×2？')
    fireEvent.click(screen.getByTestId('till-pickup-confirm-ok'))
    expect(await screen.findByTestId('till-pickup-done')).toHaveTextContent('已交付：帆布袋 ×2')
    expect(calls('staffConfirmPickup')).toEqual([{ pickupCode: 'P199999999999999999999', requestId: expect.any(String) }])
    expect(screen.queryByTestId('till-pickup-502')).toBeNull()
    expect(screen.getByTestId('till-pickups-count')).toHaveTextContent('待领取 1 件')
    // The purchase form is still there: the clerk can record the visit's purchase as well.
    expect(screen.getByTestId('till-amount-input')).toBeInTheDocument()
  })

  it('a malformed P1 code is refused in the contract words before any request', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk })
    await scan('P1 1234')
    expect(await screen.findByTestId('till-error')).toHaveTextContent('无法识别的领取码')
    expect(calls('staffPreviewPickup')).toEqual([])
  })
})
