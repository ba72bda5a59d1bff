import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi, hasSession } from '../../../../services/api'
import { useCardStore } from '../../../../features/card/store'
import { useSessionStore } from '../../../../features/session/store'
import { aCard } from '../../../../../tests/ui/fixtures'
import { typeInto } from '../../../../../tests/ui/input'
import OpenCardPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
/** openCard's answers; whoAmI says "a member without a card" unless a test says otherwise. */
const openCard = jest.fn()
let whoAmI: () => unknown

const type = typeInto

/** Renders the page and lets its whoAmI answer, so the session update happens inside act. */
async function renderPage() {
  render(<OpenCardPage />)
  await act(async () => undefined)
}

beforeEach(() => {
  useCardStore.getState().reset()
  useSessionStore.setState({ status: 'idle', me: null, error: null })
  openCard.mockReset()
  whoAmI = () => ({ role: 'member', hasCard: false, nickname: null, staffName: null })
  callApiMock.mockImplementation(async (name: string, input: unknown) => {
    if (name === 'whoAmI') return whoAmI()
    if (name === 'openCard') return openCard(input)
    throw new Error(`unexpected callApi('${name}')`)
  })
})

describe('open card page', () => {
  it('shows field errors in Chinese and does not call the API when the form is invalid', async () => {
    await renderPage()
    fireEvent.click(await screen.findByTestId('open-card-submit'))
    expect(await screen.findByText('请输入昵称')).toBeInTheDocument()
    expect(screen.getByText('请输入 11 位手机号')).toBeInTheDocument()
    expect(openCard).not.toHaveBeenCalled()
  })

  it('rejects a malformed phone number with the contract message', async () => {
    await renderPage()
    type('open-card-nickname', '小林')
    type('open-card-phone', '12345')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    expect(await screen.findByTestId('open-card-phone-error')).toHaveTextContent('请输入 11 位手机号')
    expect(screen.queryByTestId('open-card-nickname-error')).not.toBeInTheDocument()
    expect(openCard).not.toHaveBeenCalled()
  })

  it('submits the parsed input, stores the new card and goes to the card, which greets the new member', async () => {
    const card = aCard({ nickname: '小林' })
    openCard.mockResolvedValue({ card, created: true })
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{}, {}])
    await renderPage()
    type('open-card-nickname', '  小林 ')
    type('open-card-phone', '13800138000')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    await waitFor(() => expect(openCard).toHaveBeenCalledTimes(1))
    // Parsed by the contract schema: the nickname is trimmed and no birthday key is sent when none was picked.
    expect(callApiMock).toHaveBeenCalledWith('openCard', { nickname: '小林', phone: '13800138000' })
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/card/index' }))
    expect(useCardStore.getState().card).toEqual(card)
    expect(useCardStore.getState().status).toBe('ready')
    // The welcome waits on the card (a 150 ms toast was gone before anyone read it).
    expect(useCardStore.getState().welcome).toBe(true)
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('shows the server field errors next to the fields', async () => {
    openCard.mockRejectedValue(new ApiError('BAD_INPUT', '输入有误，请检查后重试', { phone: '该手机号已开卡' }))
    await renderPage()
    type('open-card-nickname', '小林')
    type('open-card-phone', '13800138000')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    expect(await screen.findByTestId('open-card-phone-error')).toHaveTextContent('该手机号已开卡')
    expect(screen.getByTestId('open-card-error')).toHaveTextContent('输入有误，请检查后重试')
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('does not submit twice while the first request is on its way', async () => {
    let resolve: (v: unknown) => void = () => undefined
    openCard.mockReturnValue(new Promise((r) => (resolve = r)))
    await renderPage()
    type('open-card-nickname', '小林')
    type('open-card-phone', '13800138000')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    fireEvent.click(screen.getByTestId('open-card-submit'))
    await waitFor(() => expect(openCard).toHaveBeenCalledTimes(1))
    resolve({ card: aCard(), created: true })
    await waitFor(() => expect(useCardStore.getState().status).toBe('ready'))
    expect(openCard).toHaveBeenCalledTimes(1)
  })
})

describe('open card page: what a new user met', () => {
  it("shows the server's message for an error the client does not know (one card per phone)", async () => {
    openCard.mockRejectedValue(new ApiError('PHONE_ALREADY_MEMBER' as never, '该手机号已开通会员卡'))
    await renderPage()
    type('open-card-nickname', '小林')
    type('open-card-phone', '13800138000')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    expect(await screen.findByTestId('open-card-error')).toHaveTextContent('该手机号已开通会员卡')
    expect(Taro.switchTab).not.toHaveBeenCalled()
  })

  it('an existing member sees 您已是会员 with a way to the card, not the form', async () => {
    whoAmI = () => ({ role: 'member', hasCard: true, nickname: '小林', staffName: null })
    await renderPage()
    expect(await screen.findByText('您已是会员')).toBeInTheDocument()
    expect(screen.queryByTestId('open-card-submit')).not.toBeInTheDocument()
    fireEvent.click(screen.getByTestId('open-card-go-card'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/card/index' })
  })

  it('says precisely what is wrong with an 11-digit number that is not a mobile number', async () => {
    await renderPage()
    type('open-card-nickname', '小林')
    type('open-card-phone', '12345678901')
    fireEvent.click(screen.getByTestId('open-card-submit'))
    expect(await screen.findByTestId('open-card-phone-error')).toHaveTextContent('手机号应以 13-19 开头')
    expect(openCard).not.toHaveBeenCalled()
  })

  it('a tap on a label focuses its input', async () => {
    await renderPage()
    const input = screen.getByTestId('open-card-nickname') as HTMLElement & { autoFocus?: boolean }
    expect(input.autoFocus).toBeFalsy()
    fireEvent.click(screen.getByTestId('open-card-nickname-label'))
    // Taro's H5 <Input focus> is the web component's autoFocus, which focuses its inner <input>.
    await waitFor(() => expect(input.autoFocus).toBe(true))
  })

  it('without a session (a deep link in the browser) offers the demo login, then the form', async () => {
    ;(hasSession as jest.Mock).mockReturnValue(false)
    await renderPage()
    expect(await screen.findByTestId('dev-login-visitor')).toBeInTheDocument()
    expect(screen.queryByText('请先登录')).not.toBeInTheDocument()
    ;(hasSession as jest.Mock).mockReturnValue(true)
    fireEvent.click(screen.getByTestId('dev-login-visitor'))
    expect(await screen.findByTestId('open-card-submit')).toBeInTheDocument()
  })

  it('has a way back in the browser: 返回 goes back, or to the card when opened directly', async () => {
    await renderPage()
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'packages/member/pages/open-card/index' }])
    fireEvent.click(screen.getByTestId('sub-page-back'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/card/index' })
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{}, {}])
    fireEvent.click(screen.getByTestId('sub-page-back'))
    expect(Taro.navigateBack).toHaveBeenCalled()
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
    openCard.mockResolvedValue({ card: aCard(), created: true })
    await renderPage()
    type('open-card-nickname', '小林')
    expect(screen.queryByTestId('open-card-phone')).not.toBeInTheDocument()
    fireEvent(screen.getByTestId('open-card-phone-button'), new CustomEvent('getphonenumber', { detail: { code: 'one-time-code' } }))
    expect(await screen.findByTestId('open-card-phone-granted')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('open-card-submit'))
    await waitFor(() => expect(callApiMock).toHaveBeenCalledWith('openCard', { nickname: '小林', phoneCode: 'one-time-code' }))
  })

  it('lets a user who declines the button type the number instead', async () => {
    await renderPage()
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
    openCard.mockRejectedValueOnce(new ApiError(code, message)).mockResolvedValueOnce({ card: aCard(), created: true })
    await renderPage()
    type('open-card-nickname', '小林')
    grant('code-1')
    expect(await screen.findByTestId('open-card-phone-granted')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('open-card-submit'))

    expect(await screen.findByTestId('open-card-error')).toHaveTextContent(message)
    expect(screen.queryByTestId('open-card-phone-granted')).not.toBeInTheDocument()
    expect(screen.getByTestId('open-card-phone-button')).toBeInTheDocument()

    // Submitting without re-authorising does not re-send the spent code: the form asks for the phone first.
    fireEvent.click(screen.getByTestId('open-card-submit'))
    expect(openCard).toHaveBeenCalledTimes(1)

    grant('code-2')
    expect(await screen.findByTestId('open-card-phone-granted')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('open-card-submit'))
    await waitFor(() => expect(openCard).toHaveBeenCalledTimes(2))
    expect(openCard.mock.calls.map(([input]) => (input as { phoneCode?: string }).phoneCode)).toEqual(['code-1', 'code-2'])
  })

  it('重新授权 drops a granted code and shows the button again', async () => {
    await renderPage()
    grant('code-1')
    fireEvent.click(await screen.findByTestId('open-card-phone-reauth'))
    expect(await screen.findByTestId('open-card-phone-button')).toBeInTheDocument()
    expect(screen.queryByTestId('open-card-phone-granted')).not.toBeInTheDocument()
  })
})
