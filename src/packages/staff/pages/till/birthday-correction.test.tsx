import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { aLookup } from '../../../../../tests/ui/fixtures'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import TillPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())
// NutUI's Picker never settles in jsdom (opening it hangs the test): the field is stood in for by a row that
// "picks" 6 月 2 日 1991. The picker's rules are src/features/open-card/birthday.test.ts.
jest.mock('../../../../features/open-card/BirthdayField', () => ({
  BirthdayField: ({ value, onChange, error }: { value: { month: number; day: number } | null; onChange: (b: object) => void; error?: string }) => {
    const { Text, View } = require('@tarojs/components')
    return (
      <View>
        <Text data-testid="open-card-birthday" onClick={() => onChange({ month: 6, day: 2, year: 1991 })}>
          {value ? `${value.month} 月 ${value.day} 日` : '请选择'}
        </Text>
        {error && <Text data-testid="open-card-birthday-error">{error}</Text>}
      </View>
    )
  },
}))

const callApiMock = callApi as jest.Mock
const clerk = { role: 'clerk', hasCard: false, nickname: null, staffName: '阿杰' }
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const admin = { role: 'admin', hasCard: false, nickname: null, staffName: '总部' }
const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input)

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

async function lookUp() {
  render(<TillPage />)
  await screen.findByTestId('till-code-input')
  typeInto('till-code-input', '1234 5678 9012 3456 7890 1234')
  fireEvent.click(screen.getByTestId('till-lookup'))
  await screen.findByTestId('till-member')
}

describe('till: 修改生日 (managers)', () => {
  it('a manager picks the right birthday, gives a reason, and it is corrected with the lookup’s ticket', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffLookupMember: () => aLookup({ ticket: 'ticket-7' }),
      staffCorrectBirthday: () => ({ birthday: { month: 6, day: 2, year: 1991 } }),
    })
    await lookUp()
    fireEvent.click(screen.getByTestId('till-birthday-fix-open'))
    expect(await screen.findByTestId('till-birthday-fix')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('open-card-birthday'))
    typeInto('till-birthday-fix-reason', ' 开卡时录入错误 ')
    fireEvent.click(screen.getByTestId('till-birthday-fix-ok'))

    expect(await screen.findByTestId('till-birthday-fix-done')).toHaveTextContent('生日已更新：1991 年 6 月 2 日')
    expect(calls('staffCorrectBirthday')).toEqual([{ ticket: 'ticket-7', birthday: { month: 6, day: 2, year: 1991 }, reason: '开卡时录入错误' }])
    expect(screen.queryByTestId('till-birthday-fix')).toBeNull()
  })

  it('asks for the birthday and the reason (in Chinese, from the contract’s schema) and sends nothing without them', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => admin, staffLookupMember: () => aLookup() })
    await lookUp()
    fireEvent.click(screen.getByTestId('till-birthday-fix-open'))
    fireEvent.click(await screen.findByTestId('till-birthday-fix-ok'))
    expect(screen.getByTestId('open-card-birthday-error')).toHaveTextContent('请选择生日')
    expect(screen.getByTestId('till-birthday-fix-reason-error')).toHaveTextContent('请输入修改原因')

    fireEvent.click(screen.getByTestId('open-card-birthday'))
    typeInto('till-birthday-fix-reason', '   ')
    fireEvent.click(screen.getByTestId('till-birthday-fix-ok'))
    expect(screen.queryByTestId('open-card-birthday-error')).toBeNull()
    expect(screen.getByTestId('till-birthday-fix-reason-error')).toHaveTextContent('请输入修改原因')
    expect(calls('staffCorrectBirthday')).toHaveLength(0)
    expect(screen.getByTestId('till-birthday-fix')).toBeInTheDocument()
  })

  it('keeps the sheet open with the server’s words when it refuses, and a retry sends again', async () => {
    let attempt = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      staffLookupMember: () => aLookup(),
      staffCorrectBirthday: () => {
        if (attempt++ === 0) throw new ApiError('TICKET_STALE', '距扫码已超过 10 分钟，请重新扫码')
        return { birthday: { month: 6, day: 2, year: 1991 } }
      },
    })
    await lookUp()
    fireEvent.click(screen.getByTestId('till-birthday-fix-open'))
    fireEvent.click(await screen.findByTestId('open-card-birthday'))
    typeInto('till-birthday-fix-reason', '录入错误')
    fireEvent.click(screen.getByTestId('till-birthday-fix-ok'))

    expect(await screen.findByTestId('till-birthday-fix-error')).toHaveTextContent('距扫码已超过 10 分钟，请重新扫码')
    expect(screen.getByTestId('till-birthday-fix')).toBeInTheDocument()
    expect(screen.queryByTestId('till-birthday-fix-done')).toBeNull()
    // What was typed is kept for the retry.
    expect(screen.getByTestId('open-card-birthday')).toHaveTextContent('6 月 2 日')
    fireEvent.click(screen.getByTestId('till-birthday-fix-ok'))
    await waitFor(() => expect(screen.queryByTestId('till-birthday-fix')).toBeNull())
    expect(calls('staffCorrectBirthday')).toHaveLength(2)
  })

  it('a clerk has no 修改生日', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => clerk, staffLookupMember: () => aLookup() })
    await lookUp()
    expect(screen.queryByTestId('till-birthday-fix-open')).toBeNull()
    expect(screen.queryByText('修改生日 ›')).toBeNull()
  })
})
