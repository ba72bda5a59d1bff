import { noticePreview } from './notice-preview'

const FIELDS = { thing1: 'event', time2: 'time', thing3: 'place', thing4: 'note' }
const values = (event: string) => ({ title: '新活动', event, time: '2025-06-20T06:30:00.000Z', place: '本店二楼', note: '签到即得 50 积分' })

describe('the notice preview', () => {
  it('shows each field with its Chinese label and the value WeChat will show, the time in store time', () => {
    const preview = noticePreview(FIELDS, values('周六咖啡品鉴会'), 'Asia/Shanghai')
    expect(preview.problems).toEqual([])
    expect(preview.fields).toEqual([
      { key: 'thing1', label: '活动名称', value: '周六咖啡品鉴会', truncated: false, full: null },
      { key: 'time2', label: '活动时间', value: '2025年6月20日 14:30', truncated: false, full: null },
      { key: 'thing3', label: '活动地点', value: '本店二楼', truncated: false, full: null },
      { key: 'thing4', label: '备注', value: '签到即得 50 积分', truncated: false, full: null },
    ])
  })

  it('cuts a 25-character title to 19 characters and "…", marks it and keeps the full text', () => {
    const title = '一二三四五六七八九十一二三四五六七八九十一二三四五'
    expect([...title]).toHaveLength(25)
    const [event] = noticePreview(FIELDS, values(title), 'Asia/Shanghai').fields
    expect(event).toEqual({ key: 'thing1', label: '活动名称', value: `${title.slice(0, 19)}…`, truncated: true, full: title })
  })

  it('lists the fields in the template order, however the mapping keys come back from jsonb', () => {
    const preview = noticePreview({ time2: 'time', thing1: 'event', thing4: 'note', thing3: 'place' }, values('品鉴会'), 'Asia/Shanghai')
    expect(preview.fields.map((f) => f.key)).toEqual(['thing1', 'time2', 'thing3', 'thing4'])
  })

  it('keeps a 20-character title whole', () => {
    const title = '一二三四五六七八九十一二三四五六七八九十'
    expect(noticePreview(FIELDS, values(title), 'Asia/Shanghai').fields[0]).toMatchObject({ value: title, truncated: false })
  })

  it('lists what WeChat would refuse, naming the field, and still shows the others', () => {
    const preview = noticePreview({ ...FIELDS, number5: 'place' }, values('品鉴会🎉'), 'Asia/Shanghai')
    expect(preview.problems).toEqual(['活动名称：thing1: emoji or control characters', '活动地点：number5: not a number'])
    expect(preview.fields.map((f) => f.value)).toEqual(['', '2025年6月20日 14:30', '本店二楼', '签到即得 50 积分', ''])
  })
})
