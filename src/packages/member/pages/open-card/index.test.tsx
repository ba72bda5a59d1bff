import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi } from '../../../../services/api'
import { useCardStore } from '../../../../features/card/store'
import { aCard } from '../../../../../tests/ui/fixtures'
import { typeInto } from '../../../../../tests/ui/input'
import OpenCardPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock

const type = typeInto

beforeEach(() => useCardStore.getState().reset())

describe('open card page', () => {
  it('shows field errors in Chinese and does not call the API when the form is invalid', async () => {
    render(<OpenCardPage />)
    fireEvent.click(await screen.findByTestId('open-card-submit'))
    expect(await screen.findByText('请输入昵称')).toBeInTheDocument()
    expect(screen.getByText('请输入 11 位手机号')).toBeInTheDocument()
    expect(callApiMock).not.toHaveBeenCalled()
  })

  it('rejects a malformed phone number with the contract message', async () => {
    render(<OpenCardPage />)
    type('open-card-nickname', '小林')
    type('open-card-phone', '12345')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    expect(await screen.findByTestId('open-card-phone-error')).toHaveTextContent('请输入 11 位手机号')
    expect(screen.queryByTestId('open-card-nickname-error')).not.toBeInTheDocument()
    expect(callApiMock).not.toHaveBeenCalled()
  })

  it('submits the parsed input, stores the new card and goes back to the card', async () => {
    const card = aCard({ nickname: '小林' })
    callApiMock.mockResolvedValue({ card, created: true })
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{}, {}])
    render(<OpenCardPage />)
    type('open-card-nickname', '  小林 ')
    type('open-card-phone', '13800138000')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    await waitFor(() => expect(callApiMock).toHaveBeenCalledTimes(1))
    // Parsed by the contract schema: the nickname is trimmed and no birthday key is sent when none was picked.
    expect(callApiMock).toHaveBeenCalledWith('openCard', { nickname: '小林', phone: '13800138000' })
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(useCardStore.getState().card).toEqual(card)
    expect(useCardStore.getState().status).toBe('ready')
  })

  it('shows the server field errors next to the fields', async () => {
    callApiMock.mockRejectedValue(new ApiError('BAD_INPUT', '输入有误，请检查后重试', { phone: '该手机号已开卡' }))
    render(<OpenCardPage />)
    type('open-card-nickname', '小林')
    type('open-card-phone', '13800138000')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    expect(await screen.findByTestId('open-card-phone-error')).toHaveTextContent('该手机号已开卡')
    expect(screen.getByTestId('open-card-error')).toHaveTextContent('输入有误，请检查后重试')
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('does not submit twice while the first request is on its way', async () => {
    let resolve: (v: unknown) => void = () => undefined
    callApiMock.mockReturnValue(new Promise((r) => (resolve = r)))
    render(<OpenCardPage />)
    type('open-card-nickname', '小林')
    type('open-card-phone', '13800138000')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    fireEvent.click(screen.getByTestId('open-card-submit'))
    await waitFor(() => expect(callApiMock).toHaveBeenCalledTimes(1))
    resolve({ card: aCard(), created: true })
    await waitFor(() => expect(useCardStore.getState().status).toBe('ready'))
    expect(callApiMock).toHaveBeenCalledTimes(1)
  })
})

describe('open card page inside WeChat', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it("offers WeChat's phone button and sends its one-time code, not a typed number", async () => {
    callApiMock.mockResolvedValue({ card: aCard(), created: true })
    render(<OpenCardPage />)
    type('open-card-nickname', '小林')
    expect(screen.queryByTestId('open-card-phone')).not.toBeInTheDocument()
    fireEvent(screen.getByTestId('open-card-phone-button'), new CustomEvent('getphonenumber', { detail: { code: 'one-time-code' } }))
    expect(await screen.findByTestId('open-card-phone-granted')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('open-card-submit'))
    await waitFor(() => expect(callApiMock).toHaveBeenCalledWith('openCard', { nickname: '小林', phoneCode: 'one-time-code' }))
  })

  it('lets a user who declines the button type the number instead', async () => {
    render(<OpenCardPage />)
    fireEvent(screen.getByTestId('open-card-phone-button'), new CustomEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } }))
    expect(await screen.findByText('未获得授权，可重试或手动输入')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('open-card-type-phone'))
    expect(await screen.findByTestId('open-card-phone')).toBeInTheDocument()
  })

  const grant = (code: string) =>
    fireEvent(screen.getByTestId('open-card-phone-button'), new CustomEvent('getphonenumber', { detail: { code } }))

  it.each([
    ['PHONE_CODE_INVALID', '获取微信手机号失败，请重新授权或手动输入'],
    ['INTERNAL', '系统繁忙，请稍后再试'],
    ['NETWORK_ERROR', '网络连接失败，请检查网络后重试'],
  ] as const)('after %s the used phone code is dropped: the button shows again and a retry sends a new code', async (code, message) => {
    callApiMock.mockRejectedValueOnce(new ApiError(code, message)).mockResolvedValueOnce({ card: aCard(), created: true })
    render(<OpenCardPage />)
    type('open-card-nickname', '小林')
    grant('code-1')
    expect(await screen.findByTestId('open-card-phone-granted')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('open-card-submit'))

    expect(await screen.findByTestId('open-card-error')).toHaveTextContent(message)
    expect(screen.queryByTestId('open-card-phone-granted')).not.toBeInTheDocument()
    expect(screen.getByTestId('open-card-phone-button')).toBeInTheDocument()

    // Submitting without re-authorising does not re-send the spent code: the form asks for the phone first.
    fireEvent.click(screen.getByTestId('open-card-submit'))
    expect(callApiMock).toHaveBeenCalledTimes(1)

    grant('code-2')
    expect(await screen.findByTestId('open-card-phone-granted')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('open-card-submit'))
    await waitFor(() => expect(callApiMock).toHaveBeenCalledTimes(2))
    expect(callApiMock.mock.calls.map(([, input]) => (input as { phoneCode?: string }).phoneCode)).toEqual(['code-1', 'code-2'])
  })

  it('重新授权 drops a granted code and shows the button again', async () => {
    render(<OpenCardPage />)
    grant('code-1')
    fireEvent.click(await screen.findByTestId('open-card-phone-reauth'))
    expect(await screen.findByTestId('open-card-phone-button')).toBeInTheDocument()
    expect(screen.queryByTestId('open-card-phone-granted')).not.toBeInTheDocument()
  })
})
