import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { aLookup, aPurchase, aStaffMember, CODE, tiers } from '../../../../../tests/ui/fixtures'
import { routeCheckedApi as routeApi } from '../../../../../tests/ui/api-mock'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { typeInto } from '../../../../../tests/ui/input'
import TillPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '阿杰' }

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

const recordCalls = () => callApiMock.mock.calls.filter(([name]) => name === 'staffRecordPurchase')

async function lookUpMember() {
  render(<TillPage />)
  await scanAgain()
}

/** Types the member code on the code step and looks the member up. */
async function scanAgain() {
  await screen.findByTestId('till-code-input')
  typeInto('till-code-input', '1234 5678 9012 3456 7890 1234')
  fireEvent.click(screen.getByTestId('till-lookup'))
  expect(await screen.findByTestId('till-member-name')).toHaveTextContent('小林')
}

const inputValue = (testId: string) => (screen.getByTestId(testId) as HTMLElement & { value?: string }).value

const recorded = (amountFen: number) => aPurchase(amountFen)

function fillPurchase(amount: string, receipt: string) {
  typeInto('till-amount-input', amount)
  typeInto('till-receipt-input', receipt)
}

describe('till page', () => {
  it('refuses non-staff with a clear 无权限 state', async () => {
    routeApi(callApiMock, { whoAmI: () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null }) })
    render(<TillPage />)
    expect(await screen.findByText('无权限')).toBeInTheDocument()
    expect(screen.queryByTestId('till-code-input')).not.toBeInTheDocument()
  })

  it('looks up the member, records the purchase in fen and shows the points earned; 下一位 resets', async () => {
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup(),
      staffRecordPurchase: () => aPurchase(12850, { promotedTo: tiers.gold, member: aStaffMember({ pointsBalance: 1408, tier: tiers.gold }) }),
    })
    await lookUpMember()
    expect(callApiMock).toHaveBeenCalledWith('staffLookupMember', { memberCode: CODE })
    expect(screen.getByTestId('till-member-points')).toHaveTextContent('1280')
    expect(screen.getByText('138****5678')).toBeInTheDocument()

    // A lower-case receipt is the same slip: it is sent upper-cased, as the contract's receiptNo schema makes it.
    fillPurchase('128.50', ' a-0001 ')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-result')).toHaveTextContent('已入账 +128 积分')
    // Recorded with the lookup's ticket, not the member code (which may rotate during a long checkout).
    expect(recordCalls()).toEqual([['staffRecordPurchase', { ticket: 'ticket-1', receiptNo: 'A-0001', amountFen: 12850 }]])
    expect(screen.getByTestId('till-promoted')).toHaveTextContent('金卡')
    // The success panel echoes what was recorded, to check against the slip.
    expect(screen.getByTestId('till-result-amount')).toHaveTextContent('¥128.50')
    expect(screen.getByTestId('till-result-receipt')).toHaveTextContent('A-0001')

    fireEvent.click(screen.getByTestId('till-next'))
    expect(await screen.findByTestId('till-code-input')).toBeInTheDocument()
    expect(screen.queryByTestId('till-result')).not.toBeInTheDocument()
  })

  it('says the receipt was already recorded and no points were added twice', async () => {
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup(),
      staffRecordPurchase: () => aPurchase(12850, { alreadyRecorded: true, member: aStaffMember() }),
    })
    await lookUpMember()
    fillPurchase('128.5', 'A-0001')
    fireEvent.click(screen.getByTestId('till-submit'))
    const result = await screen.findByTestId('till-result')
    expect(result).toHaveTextContent('该小票已入账，未重复积分')
    expect(result).not.toHaveTextContent('+128')
  })

  it('explains a stale code at lookup', async () => {
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => {
        throw new ApiError('CODE_STALE', '会员码已过期，请让顾客刷新后重新出示')
      },
    })
    render(<TillPage />)
    await screen.findByTestId('till-code-input')
    typeInto('till-code-input', CODE)
    fireEvent.click(screen.getByTestId('till-lookup'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent('会员码已过期')
    expect(screen.queryByTestId('till-member-name')).not.toBeInTheDocument()
  })

  it('refuses a malformed code before calling the server', async () => {
    routeApi(callApiMock, { whoAmI: () => clerk })
    render(<TillPage />)
    await screen.findByTestId('till-code-input')
    typeInto('till-code-input', '12345')
    fireEvent.click(screen.getByTestId('till-lookup'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent('会员码应为 24 位数字')
    expect(callApiMock).toHaveBeenCalledTimes(1) // whoAmI only
  })

  it.each([
    ['12.345', '最多保留两位小数'],
    ['0', '金额必须大于 0'],
    ['-5', '金额必须大于 0'],
    ['abc', '请输入正确的金额'],
    ['100000.01', '金额超出单笔上限'],
    ['', '请输入消费金额'],
  ])('a bad amount (%p) shows %p and does not call the API', async (amount, message) => {
    routeApi(callApiMock, { whoAmI: () => clerk, staffLookupMember: () => aLookup() })
    await lookUpMember()
    fillPurchase(amount, 'A-0001')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent(message)
    expect(recordCalls()).toHaveLength(0)
  })

  it('shows RECEIPT_CONFLICT in plain words and keeps the form for a correction', async () => {
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup(),
      staffRecordPurchase: () => {
        throw new ApiError('RECEIPT_CONFLICT', '该小票号已用于其他会员的消费，请核对小票号')
      },
    })
    await lookUpMember()
    fillPurchase('10', 'A-0001')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent('请核对小票号')
    expect(screen.getByTestId('till-submit')).toBeInTheDocument()
  })

  it('disables 确认入账 while submitting: a double tap records once', async () => {
    let finish: (v: unknown) => void = () => undefined
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup(),
      staffRecordPurchase: () => new Promise((r) => (finish = r)),
    })
    await lookUpMember()
    fillPurchase('10', 'A-0001')
    const submit = screen.getByTestId('till-submit')
    fireEvent.click(submit)
    fireEvent.click(submit)
    // NutUI's Button marks itself disabled with a class and swallows clicks while loading/disabled.
    await waitFor(() => expect(screen.getByTestId('till-submit')).toHaveClass('nut-button-disabled'))
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(recordCalls()).toHaveLength(1)
    finish(aPurchase(1000, { member: aStaffMember() }))
    expect(await screen.findByTestId('till-result')).toHaveTextContent('+10')
    expect(recordCalls()).toHaveLength(1)
  })

  it.each([
    ['TICKET_STALE', '距扫码已超过 10 分钟，请重新扫码'],
    ['TICKET_INVALID', '查询结果无效，请重新扫码'],
  ] as const)('%s at record: back to the scan step with the amount and receipt kept; a new lookup records them', async (code, message) => {
    let lookups = 0
    let ticketOk = false
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup({ ticket: `ticket-${++lookups}` }),
      staffRecordPurchase: (input) => {
        if (!ticketOk) {
          ticketOk = true
          throw new ApiError(code, message)
        }
        return recorded((input as { amountFen: number }).amountFen)
      },
    })
    await lookUpMember()
    fillPurchase('128.50', 'A-0001')
    fireEvent.click(screen.getByTestId('till-submit'))

    expect(await screen.findByTestId('till-error')).toHaveTextContent(message)
    expect(screen.getByTestId('till-code-input')).toBeInTheDocument()
    expect(screen.queryByTestId('till-member-name')).not.toBeInTheDocument()
    expect(screen.getByTestId('till-kept')).toHaveTextContent('128.50')
    expect(screen.getByTestId('till-kept')).toHaveTextContent('A-0001')

    await scanAgain()
    expect(inputValue('till-amount-input')).toBe('128.50')
    expect(inputValue('till-receipt-input')).toBe('A-0001')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-result')).toHaveTextContent('已入账 +128 积分')
    expect(recordCalls()).toEqual([
      ['staffRecordPurchase', { ticket: 'ticket-1', receiptNo: 'A-0001', amountFen: 12850 }],
      ['staffRecordPurchase', { ticket: 'ticket-2', receiptNo: 'A-0001', amountFen: 12850 }],
    ])
  })

  it('after a NETWORK_ERROR the inputs stay and 确认入账 again succeeds with the same ticket and receipt', async () => {
    let fail = true
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup(),
      staffRecordPurchase: (input) => {
        if (fail) {
          fail = false
          throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        }
        return recorded((input as { amountFen: number }).amountFen)
      },
    })
    await lookUpMember()
    fillPurchase('66', 'B-7')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent('网络连接失败')
    expect(screen.getByTestId('till-member-name')).toHaveTextContent('小林')
    expect(inputValue('till-amount-input')).toBe('66')
    expect(inputValue('till-receipt-input')).toBe('B-7')

    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-result')).toHaveTextContent('已入账 +66 积分')
    const sent = { ticket: 'ticket-1', receiptNo: 'B-7', amountFen: 6600 }
    expect(recordCalls()).toEqual([
      ['staffRecordPurchase', sent],
      ['staffRecordPurchase', sent],
    ])
  })

  it("shows RECEIPT_AMOUNT_MISMATCH with the server's own words (the recorded amount) and stays on the member", async () => {
    const message = '小票 A-0001 已按 ¥128.50 入账，与本次金额 ¥12.85 不同，请核对小票'
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => aLookup(),
      staffRecordPurchase: () => {
        throw new ApiError('RECEIPT_AMOUNT_MISMATCH', message)
      },
    })
    await lookUpMember()
    fillPurchase('12.85', 'A-0001')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent(message)
    expect(screen.getByTestId('till-member-name')).toHaveTextContent('小林')
    expect(screen.getByTestId('till-submit')).toBeInTheDocument()
    expect(inputValue('till-amount-input')).toBe('12.85')
  })

  it('a failed whoAmI reload on a later page show keeps the till, the member and the typed amount', async () => {
    let online = true
    routeApi(callApiMock, {
      whoAmI: () => {
        if (!online) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return clerk
      },
      staffLookupMember: () => aLookup(),
      staffRecordPurchase: (input) => recorded((input as { amountFen: number }).amountFen),
    })
    await lookUpMember()
    fillPurchase('128.50', 'A-0001')

    online = false
    act(() => __taro.hide())
    act(() => __taro.show()) // the clerk came back from another app: whoAmI again, and it fails
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalled())
    expect(screen.queryByTestId('state-error')).not.toBeInTheDocument()
    expect(screen.getByTestId('till-member-name')).toHaveTextContent('小林')
    expect(inputValue('till-amount-input')).toBe('128.50')
    expect(inputValue('till-receipt-input')).toBe('A-0001')

    online = true
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-result')).toHaveTextContent('已入账 +128 积分')
  })

  it('the first whoAmI failing is still an error with 重试', async () => {
    let online = false
    routeApi(callApiMock, {
      whoAmI: () => {
        if (!online) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return clerk
      },
    })
    render(<TillPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    online = true
    fireEvent.click(screen.getByTestId('state-retry'))
    expect(await screen.findByTestId('till-code-input')).toBeInTheDocument()
  })
})
