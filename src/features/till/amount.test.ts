import { parseYuanToFen } from './amount'

describe('parseYuanToFen', () => {
  it.each([
    ['12.30', 1230],
    ['12.3', 1230],
    ['12', 1200],
    ['12.', 1200],
    ['.5', 50],
    ['0.01', 1],
    ['0.29', 29], // 0.29 * 100 = 28.999999999999996 in floating point
    ['1,280.50', 128050],
    ['¥99.99', 9999],
    [' 100000 ', 10000000],
  ])('%p yuan is %p fen', (text, fen) => expect(parseYuanToFen(text)).toEqual({ ok: true, fen }))

  it.each([
    ['', '请输入消费金额'],
    ['12.345', '金额最多保留两位小数'],
    ['0', '金额必须大于 0'],
    ['0.00', '金额必须大于 0'],
    ['-1', '金额必须大于 0'],
    ['1e3', '请输入正确的金额，如 12.30'],
    ['12.3.4', '请输入正确的金额，如 12.30'],
    ['abc', '请输入正确的金额，如 12.30'],
    ['100000.01', '金额超出单笔上限 ¥100000'],
  ])('%p is refused: %p', (text, message) => expect(parseYuanToFen(text)).toEqual({ ok: false, message }))
})
