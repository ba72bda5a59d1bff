/**
 * The BUILT card page for a WeChat user without a card: getMyCard answers NOT_A_MEMBER and the page offers
 * 开通会员卡. Its own file: the app's stores are module singletons, so this needs an app that never saw a card.
 */
import { createWeapp, waitFor, type WeappHarness } from './harness'

let weapp: WeappHarness

beforeAll(() => {
  weapp = createWeapp()
  weapp.cloud.whoAmI = () => ({ ok: true, data: { role: 'member', hasCard: false, nickname: null, staffName: null } })
  weapp.cloud.getMyCard = () => ({ ok: false, error: { code: 'NOT_A_MEMBER', message: '您还没有开通会员卡' } })
  weapp.cloud.getMemberCode = () => ({ ok: false, error: { code: 'NOT_A_MEMBER', message: '您还没有开通会员卡' } })
})

afterAll(() => weapp?.closePage())

it('shows 开通会员卡 when getMyCard answers NOT_A_MEMBER', async () => {
  const page = weapp.openPage()

  await waitFor(() => page.dom.textContent?.includes('您还没有会员卡'), 'the no-card state')
  await waitFor(() => weapp.callsTo('whoAmI') > 0, 'the whoAmI call')
  expect(weapp.callsTo('getMyCard')).toBe(1)
  // The call to action is the visible label of the rendered <button>, not just some text on the page. Checked with
  // the wxml runtime's warnings in one assertion, so a failure names the cause: an element base.wxml has no
  // template for (e.g. NutUI's `div`s without @tarojs/plugin-html) renders as nothing inside the button.
  const button = page.dom.querySelector('wx-button')
  expect({ buttonLabel: button?.textContent, wxmlWarnings: weapp.wxmlWarnings }).toEqual({ buttonLabel: '开通会员卡', wxmlWarnings: [] })
  // No card, no member code, and nothing asked for one.
  expect(page.dom.querySelector('member-code-native')).toBeNull()
  expect(weapp.callsTo('getMemberCode')).toBe(0)
})
