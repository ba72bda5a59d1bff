import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, callApi } from '../../../../services/api'
import { useSessionStore } from '../../../../features/session/store'
import { choosePicture } from '../../../../features/mall-catalog/picture'
import { routeCheckedApi } from '../../../../../tests/ui/api-mock'
import { typeInto } from '../../../../../tests/ui/input'
import { __taro } from '../../../../../tests/ui/taro-mock'
import { aCouponTemplate } from '../../../../../tests/ui/coupon-fixtures'
import { aMallItem } from '../../../../../tests/ui/mall-console-fixtures'
import MallItemPage from './index'

jest.mock('../../../../services/api', () => require('../../../../../tests/ui/api-mock').apiModuleMock())
jest.mock('../../../../features/mall-catalog/picture', () => ({ choosePicture: jest.fn() }))

const callApiMock = callApi as jest.Mock
const chooseMock = choosePicture as jest.Mock
const manager = { role: 'manager', hasCard: false, nickname: null, staffName: '王店长' }
const calls = (name: string) => callApiMock.mock.calls.filter(([n]) => n === name).map(([, input]) => input)
const mallTemplate = aCouponTemplate({ id: '3', name: '满50减10', channel: 'mall' })
const claimTemplate = aCouponTemplate({ id: '4', name: '领券中心券', channel: 'claim' })

beforeEach(() => useSessionStore.setState({ status: 'idle', me: null, error: null }))

async function open() {
  render(<MallItemPage />)
  await screen.findByTestId('mall-name')
}
const save = () => fireEvent.click(screen.getByTestId('mall-save'))

describe('mall item editor', () => {
  it('checks with the contract schema before sending; a coupon item picks among the mall templates only', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => manager, listCouponTemplates: () => ({ templates: [mallTemplate, claimTemplate] }) })
    await open()
    save()
    expect(await screen.findByTestId('mall-price-error')).toHaveTextContent('请输入所需积分')
    typeInto('mall-name', '满50减10券')
    typeInto('mall-price', '300')
    typeInto('mall-stock', '200')
    fireEvent.click(screen.getByTestId('mall-kind-coupon'))
    expect(screen.getByTestId('mall-template-3')).toHaveTextContent('满50减10')
    expect(screen.queryByTestId('mall-template-4')).not.toBeInTheDocument()
    save()
    expect(await screen.findByTestId('mall-template-error')).toHaveTextContent('请选择要兑换的优惠券')
    expect(calls('createMallItem')).toHaveLength(0)
  })

  it('uploads the chosen picture and creates the item with its key, one requestId reused by a retry after a network error', async () => {
    let attempt = 0
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listCouponTemplates: () => ({ templates: [mallTemplate] }),
      uploadMallImage: () => ({ imageKey: 'mall/f00.jpg', imageUrl: '/files/mall/f00.jpg' }),
      createMallItem: () => {
        if (attempt++ === 0) throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        return { item: aMallItem(), repeated: false }
      },
    })
    chooseMock.mockResolvedValue({ ok: true, picture: { contentType: 'image/jpeg', dataBase64: '/9j/AA==' } })
    await open()
    fireEvent.click(screen.getByTestId('mall-picture-pick'))
    expect(await screen.findByTestId('mall-picture-preview')).toHaveAttribute('src', '/files/mall/f00.jpg')
    expect(calls('uploadMallImage')).toEqual([{ contentType: 'image/jpeg', dataBase64: '/9j/AA==' }])
    typeInto('mall-name', '拾光帆布袋')
    typeInto('mall-price', '800')
    typeInto('mall-stock', '50')
    save()
    expect(await screen.findByTestId('mall-error')).toHaveTextContent('网络连接失败')
    save()
    await waitFor(() => expect(calls('createMallItem')).toHaveLength(2))
    const [first, second] = calls('createMallItem') as Array<{ requestId: string; item: Record<string, unknown> }>
    expect(second.requestId).toBe(first.requestId)
    expect(first.item).toMatchObject({ kind: 'gift', name: '拾光帆布袋', pointsPrice: 800, stockTotal: 50, perMemberLimit: 1, imageKey: 'mall/f00.jpg' })
    // Back to the list (a lone page in the test: opened afresh).
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/mall-items/index' }))
  })

  it('edits an item: shows what was redeemed, sends the new stock and shows a refusal below it next to the field', async () => {
    __taro.setRouterParams({ id: '11' })
    routeCheckedApi(callApiMock, {
      whoAmI: () => manager,
      listCouponTemplates: () => ({ templates: [] }),
      listMallItemsAdmin: () => ({ items: [aMallItem()] }),
      updateMallItem: () => {
        throw new ApiError('MALL_STOCK_BELOW_REDEEMED', '库存不能少于已兑换数量', { 'item.stockTotal': '库存不能少于已兑换数量' })
      },
    })
    await open()
    expect(screen.getByTestId('mall-counts')).toHaveTextContent('已兑换 7 · 剩余 3 / 总库存 10')
    typeInto('mall-stock', '6')
    save()
    expect(await screen.findByTestId('mall-stock-error')).toHaveTextContent('库存不能少于已兑换数量')
    expect(calls('updateMallItem')).toEqual([{ itemId: '11', item: expect.objectContaining({ stockTotal: 6, name: '拾光马克杯', imageKey: 'mall/abc.png' }) }])
  })

  it('says so when the picture is too large even compressed, uploading nothing', async () => {
    routeCheckedApi(callApiMock, { whoAmI: () => manager, listCouponTemplates: () => ({ templates: [] }) })
    chooseMock.mockResolvedValue({ ok: false, reason: 'too_large' })
    await open()
    fireEvent.click(screen.getByTestId('mall-picture-pick'))
    expect(await screen.findByTestId('mall-picture-error')).toHaveTextContent('超过 200 KB')
    expect(calls('uploadMallImage')).toHaveLength(0)
  })
})
