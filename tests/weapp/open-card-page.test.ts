/**
 * The BUILT 开卡 page (dist/weapp/packages/member/pages/open-card/index, subpackage packages/member) in the
 * mini-program runtime: inside WeChat the phone is WeChat's own getPhoneNumber button (PhoneField), and the
 * one-time code it hands over goes to openCard with the nickname. Only wx.* is fake (see ./harness).
 */
import { api, cardView } from '../../src/contract'
import { aCard, tiers } from '../ui/fixtures'
import { buttonLabelled, buttonLabels, buttonNamed, createWeapp, fieldInput, fire, OPEN_CARD_PAGE, props, tap, textOf, typeInto, waitFor, allByClass, type WeappHarness } from './harness'

const card = cardView.parse(aCard({ tier: tiers.normal, nextTier: tiers.silver, growthToNext: 1000, spendToNextFen: 100_000, pointsBalance: 0, growth: 0 }))

let weapp: WeappHarness
let page: ReturnType<WeappHarness['openPage']>

beforeAll(() => {
  weapp = createWeapp({ page: OPEN_CARD_PAGE })
  // Who is asking: a WeChat user without a card (a member with one would see 您已是会员 instead of the form).
  weapp.cloud.whoAmI = () => ({ ok: true, data: api.whoAmI.output.parse({ role: 'member', hasCard: false, nickname: null, staffName: null }) })
  weapp.cloud.openCard = () => ({ ok: true, data: api.openCard.output.parse({ card, created: true }) })
  page = weapp.openPage()
})

afterAll(() => weapp?.closePage())

const PHONE_BUTTON = '微信手机号快捷填写'
const labels = () => allByClass(page.dom, 'text-field__label').map((l) => l.textContent)

describe('built weapp open-card page (subpackage packages/member)', () => {
  it("renders the form: nickname input, WeChat's phone button, birthday, and the 立即开卡 button with its label", async () => {
    await waitFor(() => textOf(page.dom, 'open-card__hero-title') === '开通会员卡', 'the open-card page')
    // Both buttons show their label: WeChat's phone button (Taro's <Button>) and NutUI's 立即开卡. Checked with the
    // wxml runtime's warnings in one assertion, so a failure names the cause (a node without a template renders nothing).
    expect({ buttons: buttonLabels(page.dom), wxmlWarnings: weapp.wxmlWarnings }).toEqual({ buttons: [PHONE_BUTTON, '立即开卡'], wxmlWarnings: [] })
    expect(labels()).toEqual(['昵称', '手机号', '生日'])
    expect(props(fieldInput(page.dom, '昵称'))).toMatchObject({ value: '', placeholder: '怎么称呼您', maxlength: 20 })
    // Inside WeChat the phone is not typed: it is WeChat's button with open-type getPhoneNumber.
    expect(fieldInput(page.dom, '手机号')).toBeNull()
    expect(props(buttonNamed(page.dom, PHONE_BUTTON))).toMatchObject({ openType: 'getPhoneNumber' })
    expect(textOf(page.dom, 'phone-field__switch')).toBe('手动输入手机号')
    expect(textOf(page.dom, 'open-card__picker-value')).toBe('选填，生日月可领生日礼')
    expect(props(buttonNamed(page.dom, '立即开卡'))).toMatchObject({ disabled: false, loading: false })
    // The form does not wait for anything: only whoAmI (to tell an existing member) is asked.
    expect(weapp.calls.map((c) => c.name)).toEqual(['whoAmI'])
  })

  it("WeChat's phone code and a nickname, then 立即开卡, call openCard with { nickname, phoneCode } and go back to the card", async () => {
    // What WeChat fires on the button once the user allows it: a one-time code only the server can exchange.
    await fire(buttonNamed(page.dom, PHONE_BUTTON), 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code: 'one-time-code' })
    await waitFor(() => textOf(page.dom, 'phone-field__granted') === '已授权微信手机号 ✓', 'the granted phone')
    expect(buttonNamed(page.dom, PHONE_BUTTON)).toBeNull()
    expect(textOf(page.dom, 'phone-field__reauth')).toBe('重新授权')

    await typeInto(fieldInput(page.dom, '昵称'), '小林')
    await waitFor(() => props(fieldInput(page.dom, '昵称')).value === '小林', 'the typed nickname')
    expect(weapp.callsTo('openCard')).toBe(0)

    await tap(buttonLabelled(page.dom, '立即开卡'))

    await waitFor(() => weapp.callsTo('openCard') === 1, 'the openCard call')
    expect(weapp.calls.filter((c) => c.name === 'openCard')).toEqual([{ group: 'member', name: 'openCard', data: { nickname: '小林', phoneCode: 'one-time-code' } }])
    // Opened: to the card tab, which greets the new member (no toast that is gone before it is read).
    await waitFor(() => weapp.navigations.length > 0, 'the navigation after 开卡')
    expect(weapp.navigations).toEqual([{ api: 'switchTab', url: '/pages/card/index' }])
    expect(weapp.toasts).toEqual([])
    expect(textOf(page.dom, 'open-card__error')).toBeNull()
    expect(weapp.wxmlWarnings).toEqual([])
  })
})
