import { maskPhone } from './phone-mask'

describe('phone masking', () => {
  it('keeps the first three and last four digits of a mainland mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })

  it('hides anything that is not an 11-digit number entirely', () => {
    expect(maskPhone('12345')).toBe('***')
    expect(maskPhone('')).toBe('***')
  })
})
