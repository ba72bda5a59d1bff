import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { anAdminEvent, someResults } from '../../../../../tests/ui/event-console-fixtures'
import EventResultsPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())

const callApiMock = callApi as jest.Mock
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input)
const CSV = '\uFEFF会员号,昵称,手机,状态\nM00000042,小林,138****5678,已签到\n'

beforeEach(() => {
  useSessionStore.setState({ status: 'idle', me: null, error: null })
  __taro.setRouterParams({ id: '7' })
})
afterEach(() => {
  process.env.TARO_ENV = 'h5'
})

function serve(over: Parameters<typeof someResults>[0] = {}) {
  routeCheckedApi(callApiMock, {
    whoAmI: () => manager,
    getEventResults: () => ({ event: anAdminEvent({ phase: 'ended' }), results: someResults(over) }),
    exportEventRoster: () => ({ filename: '周末手冲咖啡课-名单.csv', csv: CSV, rows: 1 }),
  })
}

describe('报名与数据', () => {
  it('shows every count, the average rating with stars, masked comments and the 30-day spend (统计中 while open)', async () => {
    serve()
    render(<EventResultsPage />)
    expect(await screen.findByTestId('results-registered')).toHaveTextContent('18已报名')
    expect(calls('getEventResults')).toEqual([{ eventId: '7' }])
    expect(screen.getByTestId('results-waitlisted')).toHaveTextContent('2候补')
    expect(screen.getByTestId('results-attended')).toHaveTextContent('15已签到')
    expect(screen.getByTestId('results-no-shows')).toHaveTextContent('3未到场')
    expect(screen.getByTestId('results-cancelled')).toHaveTextContent('4已取消')
    expect(screen.getByTestId('results-walk-ins')).toHaveTextContent('1现场补签')
    expect(screen.getByTestId('results-rating')).toHaveTextContent('★★★★☆ 4.3 分（6 人评价）')
    expect(screen.getByTestId('results-comment')).toHaveTextContent('小*（138****5678） · ★★★★★ · 12月1日 17:10')
    expect(screen.getByTestId('results-comment')).toHaveTextContent('老师讲得很细')
    expect(screen.getByTestId('results-spend')).toHaveTextContent('活动后 30 天到店消费 ¥2,568.00（9 人） · 统计中')
  })

  it('with no ratings says so; a closed spend window drops 统计中', async () => {
    serve({ ratingCount: 0, averageRating: null, comments: [], spendWindowClosed: true })
    render(<EventResultsPage />)
    expect(await screen.findByTestId('results-rating')).toHaveTextContent('暂无评分')
    expect(screen.getByTestId('results-spend')).not.toHaveTextContent('统计中')
  })

  it('导出名单 on H5 downloads the CSV through a link named after the file', async () => {
    serve()
    const createObjectURL = jest.fn(() => 'blob:roster')
    const revokeObjectURL = jest.fn()
    Object.assign(URL, { createObjectURL, revokeObjectURL })
    const clicked: HTMLAnchorElement[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    render(<EventResultsPage />)
    fireEvent.click(await screen.findByTestId('results-export'))
    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(clicked[0].download).toBe('周末手冲咖啡课-名单.csv')
    expect(clicked[0].href).toBe('blob:roster')
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0]
    expect(blob.type).toBe('text/csv;charset=utf-8')
    expect(blob.size).toBe(Buffer.byteLength(CSV, 'utf8'))
    expect(calls('exportEventRoster')).toEqual([{ eventId: '7' }])
    click.mockRestore()
  })

  it('导出名单 in WeChat copies the CSV and says to export from a computer', async () => {
    serve()
    process.env.TARO_ENV = 'weapp'
    render(<EventResultsPage />)
    fireEvent.click(await screen.findByTestId('results-export'))
    expect(await screen.findByTestId('results-export-note')).toHaveTextContent('已复制')
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: CSV })
  })

  it('a failed load shows the error with 重试', async () => {
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      getEventResults: () => {
        throw new ApiError('EVENT_NOT_FOUND', '未找到该活动')
      },
    })
    render(<EventResultsPage />)
    expect(await screen.findByText('未找到该活动')).toBeInTheDocument()
    expect(screen.getByTestId('state-retry')).toBeInTheDocument()
  })
})
