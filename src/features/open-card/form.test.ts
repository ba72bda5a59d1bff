import { validateOpenCard } from './form'

describe('open card form validation (the contract schema)', () => {
  it('accepts a valid form and returns the parsed input', () => {
    expect(validateOpenCard({ nickname: ' 小林 ', phone: '138 0013 8000', phoneCode: null, birthday: { month: 2, day: 29 } })).toEqual({
      ok: true,
      input: { nickname: '小林', phone: '13800138000', birthday: { month: 2, day: 29 } },
    })
  })

  it('reports each field in Chinese', () => {
    expect(validateOpenCard({ nickname: '', phone: '123', phoneCode: null, birthday: null })).toEqual({
      ok: false,
      fields: { nickname: '请输入昵称', phone: '请输入 11 位手机号' },
    })
  })

  it('refuses a date that does not exist', () => {
    const r = validateOpenCard({ nickname: '小林', phone: '13800138000', phoneCode: null, birthday: { year: 2023, month: 2, day: 29 } })
    expect(r).toEqual({ ok: false, fields: { birthday: '日期不存在' } })
  })

  it("sends WeChat's phone code instead of a typed number when the button was used", () => {
    expect(validateOpenCard({ nickname: '小林', phone: '', phoneCode: 'wx-code', birthday: null })).toEqual({
      ok: true,
      input: { nickname: '小林', phoneCode: 'wx-code' },
    })
  })

  it('says what is wrong with an 11-digit number that is not a mobile number', () => {
    const r = validateOpenCard({ nickname: '小林', phone: '12345678901', phoneCode: null, birthday: null })
    expect(r).toEqual({ ok: false, fields: { phone: '手机号应以 13-19 开头' } })
  })

  it('refuses a birthday after today (store zone)', () => {
    const now = Date.parse('2026-05-20T15:59:59.000Z') // 23:59:59 on 20 May in the store
    const form = { nickname: '小林', phone: '13800138000', phoneCode: null }
    expect(validateOpenCard({ ...form, birthday: { year: 2026, month: 5, day: 21 } }, now)).toEqual({ ok: false, fields: { birthday: '生日不能晚于今天' } })
    expect(validateOpenCard({ ...form, birthday: { year: 2026, month: 5, day: 20 } }, now).ok).toBe(true)
  })
})
