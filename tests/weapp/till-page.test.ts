/**
 * The BUILT 收银台 (dist/weapp/packages/staff/pages/till/index, subpackage packages/staff) in the mini-program
 * runtime, for a clerk: the subpackage page loads with its sub-common chunks, NutUI's buttons show their labels
 * through base.wxml, and a code typed into Taro's <input> → 查询 → amount + receipt → 确认入账 reaches the cloud
 * functions with the contract's inputs and shows the result. Only wx.* is fake (see ./harness).
 */
import { api, staffMemberView, type ApiOutput, type StaffMemberView } from '../../src/contract'
import { allByClass, buttonLabelled, buttonLabels, buttonNamed, createWeapp, fieldInput, props, tap, textOf, TILL_PAGE, typeInto, waitFor, type WeappHarness } from './harness'

const CODE = '123456789012345678901234'
const TICKET = 'ticket-for-M00001234-by-clerk'

const member: StaffMemberView = staffMemberView.parse({
  memberNo: 'M00001234',
  nickname: '小林',
  phoneMasked: '138****8000',
  tier: { code: 'gold', name: '金卡', minGrowth: 1000, discountPct: 90 },
  pointsBalance: 4321,
  growth: 2200,
})

let weapp: WeappHarness
let page: ReturnType<WeappHarness['openPage']>

beforeAll(() => {
  weapp = createWeapp({ page: TILL_PAGE })
  // Every answer is checked against the contract's output schema, so the fakes cannot drift from what the server sends.
  const ok = <N extends keyof typeof api>(name: N, data: ApiOutput<N>) => ({ ok: true, data: api[name].output.parse(data) })
  weapp.cloud.whoAmI = () => ok('whoAmI', { role: 'clerk', hasCard: false, nickname: null, staffName: '王店员' })
  weapp.cloud.staffLookupMember = () => ok('staffLookupMember', { member, coupons: [], birthdayCoupon: false, tierDiscountPct: null, pickups: [], eventEntries: [], ticket: TICKET, ticketExpiresAt: new Date(Date.now() + 10 * 60_000).toISOString() })
  weapp.cloud.staffRecordPurchase = (data) => {
    const { amountFen } = data as { amountFen: number }
    const points = Math.floor(amountFen / 100)
    return ok('staffRecordPurchase', {
      alreadyRecorded: false,
      grossFen: amountFen,
      tierDiscountFen: 0,
      couponDiscountFen: 0,
      paidFen: amountFen,
      coupon: null,
      pointsEarned: points,
      growthEarned: points,
      promotedTo: null,
      member: { ...member, pointsBalance: member.pointsBalance + points, growth: member.growth + points },
    })
  }
  page = weapp.openPage()
})

afterAll(() => weapp?.closePage())

describe('built weapp till page (subpackage packages/staff)', () => {
  it('shows the clerk the code input and the 扫码 / 查询 buttons with their labels', async () => {
    await waitFor(() => textOf(page.dom, 'till__staff') === '当班：王店员', 'the till for the clerk 王店员')
    expect(weapp.callsTo('whoAmI')).toBe(1)
    expect(textOf(page.dom, 'till__title')).toBe('收银台')

    const codeInput = fieldInput(page.dom, '会员码')
    expect(codeInput).toBeTruthy()
    expect(props(codeInput)).toMatchObject({ value: '', placeholder: '输入或粘贴 24 位会员码', maxlength: 40, disabled: false })

    // Inside WeChat the till can scan (canScan); both NutUI buttons show their label. Checked with the wxml runtime's
    // warnings in one assertion, so a failure names the cause (a node base.wxml has no template for renders nothing).
    expect({ buttons: buttonLabels(page.dom), wxmlWarnings: weapp.wxmlWarnings }).toEqual({ buttons: ['扫码', '查询'], wxmlWarnings: [] })
    expect(props(buttonNamed(page.dom, '查询'))).toMatchObject({ disabled: false, loading: false })
    expect(weapp.callsTo('staffLookupMember')).toBe(0)
  })

  it('typing a member code and tapping 查询 looks the member up and shows their name and points', async () => {
    const codeInput = await waitFor(() => fieldInput(page.dom, '会员码'), 'the 会员码 input')
    await typeInto(codeInput, CODE)
    // The controlled input got the typed value back from React: the event reached the page's state.
    await waitFor(() => props(fieldInput(page.dom, '会员码')).value === CODE, 'the typed code in the 会员码 input')

    await tap(buttonLabelled(page.dom, '查询'))

    await waitFor(() => textOf(page.dom, 'till-member__name') === '小林', "the member's name")
    expect(weapp.calls.filter((c) => c.name === 'staffLookupMember').map((c) => c.data)).toEqual([{ memberCode: CODE }])
    expect(textOf(page.dom, 'till-member__points')).toBe('4321')
    expect(textOf(page.dom, 'till-member__tier')).toBe('金卡')
    expect(page.dom.textContent).toContain('138****8000')
    expect(page.dom.textContent).toContain('NO. M00001234')

    // The purchase form replaces the code step.
    expect(fieldInput(page.dom, '会员码')).toBeNull()
    expect(props(fieldInput(page.dom, '消费金额'))).toMatchObject({ value: '', type: 'digit', placeholder: '实付金额（元），如 128.50' })
    expect(props(fieldInput(page.dom, '小票号'))).toMatchObject({ value: '' })
    expect({ buttons: buttonLabels(page.dom), wxmlWarnings: weapp.wxmlWarnings }).toEqual({ buttons: ['确认入账'], wxmlWarnings: [] })
  })

  it('an amount and a receipt, then 确认入账, record the purchase against the ticket and show the points earned', async () => {
    const amount = await waitFor(() => fieldInput(page.dom, '消费金额'), 'the 消费金额 input')
    await typeInto(amount, '128.50')
    await waitFor(() => props(fieldInput(page.dom, '消费金额')).value === '128.50', 'the typed amount')
    await typeInto(fieldInput(page.dom, '小票号'), 'rc-2026-0001')
    await waitFor(() => props(fieldInput(page.dom, '小票号')).value === 'rc-2026-0001', 'the typed receipt number')
    expect(weapp.callsTo('staffRecordPurchase')).toBe(0)

    await tap(buttonLabelled(page.dom, '确认入账'))

    await waitFor(() => textOf(page.dom, 'till-result__text'), 'the result of 确认入账')
    // The ticket from the lookup, the receipt upper-cased (the idempotency key), the amount in fen.
    expect(weapp.calls.filter((c) => c.name === 'staffRecordPurchase').map((c) => c.data)).toEqual([{ ticket: TICKET, receiptNo: 'RC-2026-0001', amountFen: 12850 }])
    expect(textOf(page.dom, 'till-result__text')).toBe('已入账 +128 积分')
    expect(allByClass(page.dom, 'till-result__sub').map((e) => e.textContent)).toEqual(['成长值 +128', '小林 当前积分 4449'])
    expect(page.dom.textContent).not.toContain('会员已升级')
    expect(textOf(page.dom, 'till__error')).toBeNull()
    expect({ buttons: buttonLabels(page.dom), wxmlWarnings: weapp.wxmlWarnings }).toEqual({ buttons: ['下一位'], wxmlWarnings: [] })
    // One lookup and one purchase in the whole flow.
    expect(weapp.calls.map((c) => `${c.group}/${c.name}`)).toEqual(['member/whoAmI', 'staff/staffLookupMember', 'staff/staffRecordPurchase'])
  })

  it('下一位 goes back to an empty code step', async () => {
    await tap(await waitFor(() => buttonLabelled(page.dom, '下一位'), 'the 下一位 button'))
    await waitFor(() => fieldInput(page.dom, '会员码'), 'the code step')
    expect(props(fieldInput(page.dom, '会员码')).value).toBe('')
    expect(textOf(page.dom, 'till-member__name')).toBeNull()
    expect(buttonLabels(page.dom)).toEqual(['扫码', '查询'])
    expect(weapp.wxmlWarnings).toEqual([])
  })
})
