import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { aFeedback, aRegistration, TICKET } from '../../../../../tests/ui/event-fixtures'
import { typeInto } from '../../../../../tests/ui/input'
import { ApiError, callApi } from '../../../../services/api'
import RegistrationPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const calls = (op: string) => callApiMock.mock.calls.filter(([name]) => name === op).map(([, input]) => input)
const stars = () => Array.from(document.querySelectorAll('.nut-rate-item'))

const originalEnv = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})
beforeEach(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: '701' } }, page: {} }))

async function confirmIn(dialogButton: string) {
  const ok = await screen.findByText(dialogButton, { selector: '.nut-button *, .nut-button' })
  await act(async () => void fireEvent.click(ok))
}

describe('my registration', () => {
  it('registered: the ticket as QR and grouped digits, to show at the door, with the check-in window', async () => {
    // On WeChat the screen goes to full brightness for the scanner.
    process.env.TARO_ENV = 'weapp'
    routeCheckedApi(callApiMock, { getMyRegistration: () => ({ registration: aRegistration({ ticketCode: TICKET }) }) })
    render(<RegistrationPage />)
    expect(await screen.findByTestId('registration-status')).toHaveTextContent('已报名')
    expect(screen.getByTestId('ticket')).toHaveTextContent('签到时向工作人员出示')
    expect(screen.getByTestId('ticket-digits')).toHaveTextContent('E1 1234 5678 9012 3456 7890')
    expect(screen.getByTestId('ticket-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
    expect(screen.getByTestId('ticket-window')).toHaveTextContent('开始前 2 小时可签到（12月5日 12:00 起）')
    await waitFor(() => expect(Taro.setScreenBrightness).toHaveBeenCalledWith({ value: 1 }))
  })

  it('取消报名 says the points come back, then shows them returned and the balance', async () => {
    routeCheckedApi(callApiMock, {
      getMyRegistration: () => ({ registration: aRegistration({ ticketCode: TICKET, pointsPaid: 100 }) }),
      cancelMyRegistration: () => ({
        registration: aRegistration({ status: 'cancelled', cancelReason: 'member', pointsPaid: 100, pointsRefunded: 100, cancellable: false, cancelledAt: '2099-11-22T02:00:00.000Z' }),
        pointsBalance: 1380,
      }),
    })
    render(<RegistrationPage />)
    fireEvent.click(await screen.findByTestId('registration-cancel'))
    expect(await screen.findByText('取消后报名扣除的 100 积分将退回您的账户，名额将让给候补会员。')).toBeInTheDocument()
    await confirmIn('确认取消')
    await waitFor(() => expect(screen.getByTestId('registration-status')).toHaveTextContent('已取消'))
    expect(screen.getByTestId('registration-note')).toHaveTextContent('你已取消报名，100 积分已退回')
    expect(screen.getByTestId('registration-balance')).toHaveTextContent('当前可用积分 1,380')
    expect(screen.queryByTestId('ticket')).toBeNull()
    expect(calls('cancelMyRegistration')).toEqual([{ registrationId: '701' }])
  })

  it('waitlisted: the place in the queue and 退出候补, which costs and returns nothing', async () => {
    routeCheckedApi(callApiMock, {
      getMyRegistration: () => ({ registration: aRegistration({ status: 'waitlisted', waitlistPosition: 3, registeredAt: null }) }),
      cancelMyRegistration: () => ({ registration: aRegistration({ status: 'cancelled', cancelReason: 'member', cancellable: false }), pointsBalance: 1280 }),
    })
    render(<RegistrationPage />)
    expect(await screen.findByTestId('registration-note')).toHaveTextContent('你是第 3 位候补')
    expect(screen.queryByTestId('ticket')).toBeNull()
    fireEvent.click(screen.getByTestId('registration-cancel'))
    expect(await screen.findByText('退出后将失去候补位置（当前第 3 位），候补不扣积分，无需退回。')).toBeInTheDocument()
    await confirmIn('确认退出')
    await waitFor(() => expect(screen.getByTestId('registration-status')).toHaveTextContent('已取消'))
  })

  it('past the cut-off: no cancel button, and the deadline that passed', async () => {
    routeCheckedApi(callApiMock, { getMyRegistration: () => ({ registration: aRegistration({ ticketCode: TICKET, cancellable: false }) }) })
    render(<RegistrationPage />)
    expect(await screen.findByTestId('registration-no-cancel')).toHaveTextContent('已过取消截止时间（12月5日 11:00）')
    expect(screen.queryByTestId('registration-cancel')).toBeNull()
  })

  it('after check-in: the feedback form asks for stars first, then sends the rating and the comment', async () => {
    const attended = { status: 'attended' as const, checkedInAt: '2099-12-05T06:02:00.000Z', cancellable: false, ticketCode: TICKET }
    let given = false
    routeCheckedApi(callApiMock, {
      getMyRegistration: () => ({ registration: aRegistration({ ...attended, canGiveFeedback: true, feedback: given ? aFeedback({ rating: 4, comment: '很好' }) : null }) }),
      submitEventFeedback: () => {
        given = true
        return { feedback: aFeedback({ rating: 4, comment: '很好' }) }
      },
    })
    render(<RegistrationPage />)
    expect(await screen.findByTestId('registration-note')).toHaveTextContent('已签到 · 12月5日 14:02')
    expect(screen.getByTestId('feedback-form')).toHaveTextContent('0/500')
    fireEvent.click(screen.getByTestId('feedback-submit'))
    expect(await screen.findByTestId('feedback-rating-error')).toHaveTextContent('请选择评分')
    expect(calls('submitEventFeedback')).toHaveLength(0)
    fireEvent.click(stars()[3])
    expect(screen.queryByTestId('feedback-rating-error')).toBeNull()
    typeInto('feedback-comment', '很好')
    expect(screen.getByTestId('feedback-form')).toHaveTextContent('2/500')
    await act(async () => void fireEvent.click(screen.getByTestId('feedback-submit')))
    expect(await screen.findByTestId('feedback-stars')).toHaveTextContent('★★★★☆')
    expect(calls('submitEventFeedback')).toEqual([{ registrationId: '701', rating: 4, comment: '很好' }])
    expect(screen.getByTestId('feedback-given')).toHaveTextContent('12月12日 17:00 前可修改')
  })

  it('a BAD_INPUT from the server shows under its field', async () => {
    routeCheckedApi(callApiMock, {
      getMyRegistration: () => ({ registration: aRegistration({ status: 'attended', cancellable: false, canGiveFeedback: true }) }),
      submitEventFeedback: () => {
        throw new ApiError('BAD_INPUT', '输入有误', { comment: '评价内容不能含有链接' })
      },
    })
    render(<RegistrationPage />)
    await screen.findByTestId('feedback-form')
    fireEvent.click(stars()[4])
    typeInto('feedback-comment', '见 http://x.cn')
    await act(async () => void fireEvent.click(screen.getByTestId('feedback-submit')))
    expect(await screen.findByTestId('feedback-comment-error')).toHaveTextContent('评价内容不能含有链接')
  })

  it('a given feedback shows with 修改 while it may change, and the form opens with it', async () => {
    routeCheckedApi(callApiMock, {
      getMyRegistration: () => ({ registration: aRegistration({ status: 'attended', cancellable: false, canGiveFeedback: true, feedback: aFeedback({ rating: 3, comment: '还行' }) }) }),
      submitEventFeedback: (input) => ({ feedback: aFeedback({ rating: (input as { rating: number }).rating, comment: '还行' }) }),
    })
    render(<RegistrationPage />)
    expect(await screen.findByTestId('feedback-stars')).toHaveTextContent('★★★☆☆')
    fireEvent.click(screen.getByTestId('feedback-edit'))
    expect(screen.getByTestId('feedback-form')).toHaveTextContent('2/500')
    fireEvent.click(stars()[4])
    await act(async () => void fireEvent.click(screen.getByTestId('feedback-submit')))
    expect(calls('submitEventFeedback')).toEqual([{ registrationId: '701', rating: 5, comment: '还行' }])
  })

  it('past its editableUntil, the feedback shows without 修改 even on a page opened before', async () => {
    routeCheckedApi(callApiMock, {
      getMyRegistration: () => ({
        registration: aRegistration({ status: 'attended', cancellable: false, canGiveFeedback: true, feedback: aFeedback({ editableUntil: '2020-01-01T00:00:00.000Z' }) }),
      }),
    })
    render(<RegistrationPage />)
    expect(await screen.findByTestId('feedback-given')).toHaveTextContent('豆子很香')
    expect(screen.queryByTestId('feedback-edit')).toBeNull()
  })

  it('once it can no longer change, the feedback shows without 修改', async () => {
    routeCheckedApi(callApiMock, {
      getMyRegistration: () => ({ registration: aRegistration({ status: 'attended', cancellable: false, canGiveFeedback: false, feedback: aFeedback() }) }),
    })
    render(<RegistrationPage />)
    expect(await screen.findByTestId('feedback-given')).toHaveTextContent('豆子很香')
    expect(screen.queryByTestId('feedback-edit')).toBeNull()
  })

  it('another member’s registration says it was not found, with the back bar', async () => {
    routeCheckedApi(callApiMock, {
      getMyRegistration: () => {
        throw new ApiError('REGISTRATION_NOT_FOUND', '未找到该报名')
      },
    })
    render(<RegistrationPage />)
    expect(await screen.findByText('未找到该报名')).toBeInTheDocument()
    expect(screen.getByTestId('sub-page-back')).toBeInTheDocument()
  })
})
