import { formatTemplateData, THING_MAX } from './template-data'

const TZ = 'Asia/Shanghai'

describe('formatTemplateData (WeChat subscription-message field limits)', () => {
  it('formats each key by its type: numbers, time in the store zone, amounts in yuan', () => {
    const result = formatTemplateData(
      { thing1: 'title', number2: 'points', time3: 'at', amount4: 'fen', date5: 'at', character_string6: 'receipt' },
      { title: '消费积分到账', points: 88, at: '2026-12-31T16:00:00.000Z', fen: 12_345, receipt: 'R-1001' },
      TZ,
    )
    expect(result).toEqual({
      ok: true,
      data: {
        thing1: { value: '消费积分到账' },
        number2: { value: '88' },
        // 16:00 UTC is midnight in Shanghai: the new year, not 31 December.
        time3: { value: '2027年1月1日 00:00' },
        amount4: { value: '123.45元' },
        date5: { value: '2027年1月1日' },
        character_string6: { value: 'R-1001' },
      },
    })
  })

  it('cuts thing to 20 characters with an ellipsis, counting characters not UTF-16 units', () => {
    const long = '超长的活动名称'.repeat(4)
    const result = formatTemplateData({ thing1: 'x' }, { x: long }, TZ)
    expect(result.ok && [...result.data.thing1.value]).toHaveLength(THING_MAX)
    expect(result.ok && result.data.thing1.value).toBe(`${[...long].slice(0, 19).join('')}…`)
    const exact = '一二三四五六七八九十一二三四五六七八九十'
    expect(formatTemplateData({ thing1: 'x' }, { x: exact }, TZ)).toEqual({ ok: true, data: { thing1: { value: exact } } })
  })

  it('refuses emoji, control characters and empty values, naming the key', () => {
    expect(formatTemplateData({ thing1: 'x' }, { x: '生日快乐🎂' }, TZ)).toEqual({ ok: false, problems: ['thing1: emoji or control characters'] })
    expect(formatTemplateData({ thing1: 'x' }, { x: 'a\u0000b' }, TZ)).toMatchObject({ ok: false })
    expect(formatTemplateData({ thing1: 'x' }, { x: '   ' }, TZ)).toEqual({ ok: false, problems: ['thing1: empty (x)'] })
    expect(formatTemplateData({ thing1: 'missing' }, {}, TZ)).toEqual({ ok: false, problems: ['thing1: empty (missing)'] })
  })

  it('refuses values a key type does not take, and unknown key types', () => {
    const bad = formatTemplateData(
      { number1: 'a', phrase2: 'b', symbol3: 'c', character_string4: 'd', letter5: 'e', amount6: 'f', whatever7: 'a', time8: 'g' },
      { a: '12a', b: 'abc', c: '%%%%%%', d: '中文', e: 'abc1', f: 1.5, g: 'not a time' },
      TZ,
    )
    expect(bad).toEqual({
      ok: false,
      problems: [
        'number1: not a number',
        'phrase2: not Chinese only',
        'symbol3: longer than 5 characters',
        'character_string4: not digits, letters and symbols',
        'letter5: not letters',
        'amount6: not an amount in fen',
        'whatever7: unknown template key type',
        'time8: not a time',
      ],
    })
    expect(formatTemplateData({ number1: 'n' }, { n: '1'.repeat(33) }, TZ)).toEqual({ ok: false, problems: ['number1: longer than 32 characters'] })
    expect(formatTemplateData({ name1: 'n' }, { n: '欧阳一二三四五六七八九' }, TZ)).toMatchObject({ ok: false })
    expect(formatTemplateData({ name1: 'n' }, { n: '欧阳娜娜' }, TZ)).toEqual({ ok: true, data: { name1: { value: '欧阳娜娜' } } })
    expect(formatTemplateData({}, {}, TZ)).toEqual({ ok: false, problems: ['no fields'] })
  })
})
