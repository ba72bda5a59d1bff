/**
 * The BUILT 收银台 opened by a member (e.g. a shared link): whoAmI answers role 'member' and the till is refused
 * with 无权限. Its own file: the session store is a module singleton, so this needs an app that never saw a clerk.
 */
import { api } from '../../src/contract'
import { buttonLabelled, buttonLabels, createWeapp, fieldInput, tap, textOf, TILL_PAGE, waitFor, type WeappHarness } from './harness'

let weapp: WeappHarness

beforeAll(() => {
  weapp = createWeapp({ page: TILL_PAGE })
  weapp.cloud.whoAmI = () => ({ ok: true, data: api.whoAmI.output.parse({ role: 'member', hasCard: true, nickname: '小林', staffName: null }) })
  // A member must never reach these; if the page called them anyway, they would answer and the test would see it.
  weapp.cloud.staffLookupMember = () => ({ ok: false, error: { code: 'FORBIDDEN', message: '无权限' } })
  weapp.cloud.staffRecordPurchase = () => ({ ok: false, error: { code: 'FORBIDDEN', message: '无权限' } })
})

afterAll(() => weapp?.closePage())

it('whoAmI answering a member shows 无权限 instead of the till, with 返回会员卡 back to the card tab', async () => {
  const page = weapp.openPage()

  await waitFor(() => textOf(page.dom, 'state-view__title') === '无权限', 'the 无权限 state')
  expect(weapp.callsTo('whoAmI')).toBe(1)
  expect(textOf(page.dom, 'state-view__text')).toBe('收银台仅限门店员工使用')
  // No till: no code input, no 扫码/查询, no clerk header.
  expect(fieldInput(page.dom, '会员码')).toBeNull()
  expect(textOf(page.dom, 'till__title')).toBeNull()
  expect({ buttons: buttonLabels(page.dom), wxmlWarnings: weapp.wxmlWarnings }).toEqual({ buttons: ['返回会员卡'], wxmlWarnings: [] })

  await tap(buttonLabelled(page.dom, '返回会员卡'))
  await waitFor(() => weapp.navigations.length > 0, 'a navigation after 返回会员卡')
  expect(weapp.navigations).toEqual([{ api: 'switchTab', url: '/pages/card/index' }])
  expect(weapp.calls.map((c) => c.name)).toEqual(['whoAmI'])
})
