import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { aStaffMember, CODE, tiers } from '../../../../../tests/ui/fixtures'
import { routeApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import TillPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '阿杰' }

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

const recordCalls = () => callApiMock.mock.calls.filter(([name]) => name === 'staffRecordPurchase')

async function lookUpMember() {
  render(<TillPage />)
  await screen.findByTestId('till-code-input')
  typeInto('till-code-input', '1234 5678 9012 3456 7890 1234')
  fireEvent.click(screen.getByTestId('till-lookup'))
  expect(await screen.findByTestId('till-member-name')).toHaveTextContent('小林')
}

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
      staffLookupMember: () => ({ member: aStaffMember() }),
      staffRecordPurchase: () => ({
        alreadyRecorded: false,
        pointsEarned: 128,
        growthEarned: 128,
        promotedTo: tiers.gold,
        member: aStaffMember({ pointsBalance: 1408, tier: tiers.gold }),
      }),
    })
    await lookUpMember()
    expect(callApiMock).toHaveBeenCalledWith('staffLookupMember', { memberCode: CODE })
    expect(screen.getByTestId('till-member-points')).toHaveTextContent('1280')
    expect(screen.getByText('138****5678')).toBeInTheDocument()

    fillPurchase('128.50', 'A-0001')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-result')).toHaveTextContent('已入账 +128 积分')
    expect(recordCalls()).toEqual([['staffRecordPurchase', { memberCode: CODE, receiptNo: 'A-0001', amountFen: 12850 }]])
    expect(screen.getByTestId('till-promoted')).toHaveTextContent('金卡')

    fireEvent.click(screen.getByTestId('till-next'))
    expect(await screen.findByTestId('till-code-input')).toBeInTheDocument()
    expect(screen.queryByTestId('till-result')).not.toBeInTheDocument()
  })

  it('says the receipt was already recorded and no points were added twice', async () => {
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => ({ member: aStaffMember() }),
      staffRecordPurchase: () => ({ alreadyRecorded: true, pointsEarned: 128, growthEarned: 128, promotedTo: null, member: aStaffMember() }),
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
    routeApi(callApiMock, { whoAmI: () => clerk, staffLookupMember: () => ({ member: aStaffMember() }) })
    await lookUpMember()
    fillPurchase(amount, 'A-0001')
    fireEvent.click(screen.getByTestId('till-submit'))
    expect(await screen.findByTestId('till-error')).toHaveTextContent(message)
    expect(recordCalls()).toHaveLength(0)
  })

  it('shows RECEIPT_CONFLICT in plain words and keeps the form for a correction', async () => {
    routeApi(callApiMock, {
      whoAmI: () => clerk,
      staffLookupMember: () => ({ member: aStaffMember() }),
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
      staffLookupMember: () => ({ member: aStaffMember() }),
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
    finish({ alreadyRecorded: false, pointsEarned: 10, growthEarned: 10, promotedTo: null, member: aStaffMember() })
    expect(await screen.findByTestId('till-result')).toHaveTextContent('+10')
    expect(recordCalls()).toHaveLength(1)
  })
})
