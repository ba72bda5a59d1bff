/**
 * The BUILT 收银台 with a coupon code: typed into the one scanner, it is previewed (not looked up as a member),
 * 核销 opens the in-place confirmation, and 确认核销 verifies it with a requestId and shows who verified it. Checks
 * that the new panels render in the mini-program runtime (no node without a base.wxml template).
 */
import { api, type ApiOutput } from '../../src/contract'
import { buttonLabelled, buttonLabels, createWeapp, fieldInput, props, tap, textOf, TILL_PAGE, typeInto, waitFor, type WeappHarness } from './harness'
import { aTillCoupon } from '../ui/fixtures'

const CODE = 'C12345678901234567890 1'.replace(' ', '')
const coupon = aTillCoupon()

let weapp: WeappHarness

beforeAll(() => {
  weapp = createWeapp({ page: TILL_PAGE })
  const ok = <N extends keyof typeof api>(name: N, data: ApiOutput<N>) => ({ ok: true, data: api[name].output.parse(data) })
  weapp.cloud.whoAmI = () => ok('whoAmI', { role: 'clerk', hasCard: false, nickname: null, staffName: '王店员' })
  weapp.cloud.staffPreviewCoupon = () =>
    ok('staffPreviewCoupon', { coupon, holder: { nickname: '小林', phoneMasked: '138****8000', memberNo: 'M00001234', tier: { code: 'gold', name: '金卡', minGrowth: 1000, discountPct: 90 } }, verification: null, tierDiscountPct: null })
  weapp.cloud.staffVerifyCoupon = () =>
    ok('staffVerifyCoupon', { coupon: { ...coupon, state: 'used' }, verification: { at: '2026-11-20T06:03:00.000Z', staffName: '王店员', receiptNo: null, discountFen: 0 }, repeated: false })
})

afterAll(() => weapp?.closePage())

it('a typed coupon code is previewed, and 核销 → 确认核销 verifies it once', async () => {
  const page = weapp.openPage()
  const input = await waitFor(() => fieldInput(page.dom, '会员码'), 'the scanner input')
  await typeInto(input, 'C1 2345 6789 0123 4567 8901')
  await waitFor(() => props(fieldInput(page.dom, '会员码')).value === 'C1 2345 6789 0123 4567 8901', 'the typed coupon code')
  await tap(buttonLabelled(page.dom, '查询'))

  await waitFor(() => textOf(page.dom, 'till-preview__status') === '可用', 'the coupon preview')
  expect(weapp.calls.filter((c) => c.name === 'staffPreviewCoupon').map((c) => c.data)).toEqual([{ couponCode: CODE }])
  expect(textOf(page.dom, 'till-preview__face')).toBe('¥30')
  expect(page.dom.textContent).toContain('138****8000')
  expect({ buttons: buttonLabels(page.dom), wxmlWarnings: weapp.wxmlWarnings }).toEqual({ buttons: ['核销', '随单使用'], wxmlWarnings: [] })

  await tap(buttonLabelled(page.dom, '核销'))
  await waitFor(() => textOf(page.dom, 'confirm-sheet__title'), 'the 核销 confirmation')
  expect(buttonLabels(page.dom)).toEqual(['核销', '随单使用', '取消', '确认核销'])
  await tap(buttonLabelled(page.dom, '确认核销'))

  await waitFor(() => textOf(page.dom, 'till-result__text'), 'the 核销 result')
  expect(textOf(page.dom, 'till-result__text')).toBe('核销成功：¥30 满200减30')
  const verify = weapp.calls.filter((c) => c.name === 'staffVerifyCoupon').map((c) => c.data as { couponCode: string; requestId: string })
  expect(verify).toHaveLength(1)
  expect(verify[0]).toEqual({ couponCode: CODE, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
  expect({ buttons: buttonLabels(page.dom), wxmlWarnings: weapp.wxmlWarnings }).toEqual({ buttons: ['下一位'], wxmlWarnings: [] })
  expect(weapp.calls.map((c) => `${c.group}/${c.name}`)).toEqual(['member/whoAmI', 'staff/staffPreviewCoupon', 'staff/staffVerifyCoupon'])
})
