import { DEMO_OPENIDS, dispatch, type Db } from '../../src/cloud/app'
import { MAX_PURCHASE_FEN } from '../../src/contract'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, type AppFixture } from '../helpers/app-fixture'

let app: AppFixture
let code: string
beforeAll(async () => {
  app = await createAppFixture()
  code = await memberCodeOf(app, DEMO_OPENIDS.member)
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

const CHINESE = /[\u4e00-\u9fa5]/
const purchase = (override: Record<string, unknown>) => ({ memberCode: code, receiptNo: 'BAD-1', amountFen: 1_000, ...override })
const withoutKey = (key: string) => Object.fromEntries(Object.entries(purchase({})).filter(([k]) => k !== key))

// [what is wrong, function, caller, input, the field the error names]
const cases: Array<[string, string, string, unknown, string]> = [
  ['a card without nickname and phone', 'openCard', 'wx-bad-open', {}, 'nickname'],
  ['a nickname of 21 characters', 'openCard', 'wx-bad-open', { nickname: '长'.repeat(21), phone: '13800001111' }, 'nickname'],
  ['a blank nickname', 'openCard', 'wx-bad-open', { nickname: '   ', phone: '13800001111' }, 'nickname'],
  ['a nickname that is a number', 'openCard', 'wx-bad-open', { nickname: 42, phone: '13800001111' }, 'nickname'],
  ['a phone number with 5 digits', 'openCard', 'wx-bad-open', { nickname: '小明', phone: '12345' }, 'phone'],
  ['a birthday on 30 February', 'openCard', 'wx-bad-open', { nickname: '小明', phone: '13800001111', birthday: { month: 2, day: 30 } }, 'birthday.day'],
  ['a birthday in month 13', 'openCard', 'wx-bad-open', { nickname: '小明', phone: '13800001111', birthday: { month: 13, day: 1 } }, 'birthday.month'],
  ['an unknown field (a client trying to set its own role)', 'openCard', 'wx-bad-open', { nickname: '小明', phone: '13800001111', role: 'admin' }, '_'],
  ['an openid smuggled into the input', 'getMyCard', DEMO_OPENIDS.member, { openid: 'someone-else' }, '_'],
  ['a missing amount', 'staffRecordPurchase', DEMO_OPENIDS.clerk, withoutKey('amountFen'), 'amountFen'],
  ['a negative amount', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ amountFen: -100 }), 'amountFen'],
  ['a zero amount', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ amountFen: 0 }), 'amountFen'],
  ['a fractional amount in fen', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ amountFen: 10.5 }), 'amountFen'],
  ['an absurd amount', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ amountFen: MAX_PURCHASE_FEN + 1 }), 'amountFen'],
  ['an amount given as a string', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ amountFen: '1000' }), 'amountFen'],
  ['an amount that is not a number at all', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ amountFen: Number.NaN }), 'amountFen'],
  ['a missing receipt number', 'staffRecordPurchase', DEMO_OPENIDS.clerk, withoutKey('receiptNo'), 'receiptNo'],
  ['a receipt number of 41 characters', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ receiptNo: 'R'.repeat(41) }), 'receiptNo'],
  ['a receipt number with spaces and Chinese', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ receiptNo: '小票 1' }), 'receiptNo'],
  ['a member code of 23 digits', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ memberCode: '1'.repeat(23) }), 'memberCode'],
  ['a member code with letters', 'staffLookupMember', DEMO_OPENIDS.clerk, { memberCode: 'abc' }, 'memberCode'],
  ['an unknown field on a purchase', 'staffRecordPurchase', DEMO_OPENIDS.clerk, purchase({ pointsEarned: 1_000_000 }), '_'],
  ['a page size of 0', 'listPointsHistory', DEMO_OPENIDS.member, { limit: 0 }, 'limit'],
  ['a page size of 51', 'listPointsHistory', DEMO_OPENIDS.member, { limit: 51 }, 'limit'],
  ['a cursor that is not a number', 'listPointsHistory', DEMO_OPENIDS.member, { cursor: '1 OR 1=1' }, 'cursor'],
  ['an array instead of an object', 'getMyCard', DEMO_OPENIDS.member, [], '_'],
]

describe('bad input', () => {
  it.each(cases)('is refused with BAD_INPUT naming the field, in Chinese, writing nothing: %s', async (_what, name, caller, input, field) => {
    const before = await app.counts()
    const result = await app.call(name, input, caller)
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: '输入有误，请检查后重试' } })
    const fields = (result as { error: { fields: Record<string, string> } }).error.fields
    expect(Object.keys(fields)).toContain(field)
    expect(fields[field]).toMatch(CHINESE)
    expect(await app.counts()).toEqual(before)
  })

  it('is checked before identity, so a caller learns nothing about the data from a malformed call', async () => {
    expect(await app.call('staffRecordPurchase', purchase({ amountFen: -1 }), null)).toMatchObject({ error: { code: 'BAD_INPUT' } })
  })

  it('treats a missing input as an empty object', async () => {
    expect(await app.call('getMyCard', undefined, DEMO_OPENIDS.member)).toMatchObject({ ok: true })
    expect(await app.call('openCard', null, 'wx-null-input')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})

describe('unknown functions', () => {
  it.each(['dropTables', 'constructor', '__proto__', 'toString', ''])('refuses %p as UNKNOWN_FUNCTION and writes nothing', async (name) => {
    const before = await app.counts()
    expect(await app.call(name, {}, DEMO_OPENIDS.manager)).toEqual({ ok: false, error: { code: 'UNKNOWN_FUNCTION', message: '不支持的操作' } })
    expect(await app.counts()).toEqual(before)
  })
})

describe('unexpected failures', () => {
  it('answer INTERNAL with a generic Chinese message, log the cause and leak no detail', async () => {
    const broken = {
      transaction: async () => {
        throw new Error('connect ECONNREFUSED 10.1.2.3:5432 password=hunter2')
      },
    } as unknown as Db
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const result = await dispatch('getMyCard', {}, { openid: DEMO_OPENIDS.member }, { db: broken, config: app.config })
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
      expect(JSON.stringify(result)).not.toMatch(/ECONNREFUSED|hunter2/)
      expect(log).toHaveBeenCalled()
    } finally {
      log.mockRestore()
    }
  })
})
