import { formatTemplateData, type TemplateValue } from '../notifications/template-data'

/**
 * The subscription message as WeChat will show it, field by field, before anything is sent: the manager sees
 * each value after WeChat's limits are applied (a `thing` longer than 20 characters is cut to 19 and "…"), which
 * ones were cut (with the full text), and what WeChat would refuse. Pure: the same formatter the outbox uses
 * (formatTemplateData), one field at a time so a refused field does not hide the others.
 */
export interface NoticePreviewField {
  key: string
  label: string
  value: string
  truncated: boolean
  full: string | null
}

export interface NoticePreview {
  fields: NoticePreviewField[]
  problems: string[]
}

/** What each value of an event notification is called on the template (the payload's names). */
export const EVENT_VALUE_LABELS: Record<string, string> = {
  event: '活动名称',
  time: '活动时间',
  place: '活动地点',
  note: '备注',
  title: '通知标题',
}

const THING_KEY = /^thing\d+$/
const keyNumber = (key: string) => Number(/\d+$/.exec(key)?.[0] ?? 0)

export function noticePreview(templateFields: Record<string, string>, values: Record<string, TemplateValue>, timeZone: string): NoticePreview {
  const fields: NoticePreviewField[] = []
  const problems: string[] = []
  // In the template's order (thing1, time2 …): a jsonb column hands the keys back sorted by length instead.
  const entries = Object.entries(templateFields).sort(([a], [b]) => keyNumber(a) - keyNumber(b))
  for (const [key, source] of entries) {
    const label = EVENT_VALUE_LABELS[source] ?? source
    const formatted = formatTemplateData({ [key]: source }, values, timeZone)
    if (!formatted.ok) {
      problems.push(...formatted.problems.map((p) => `${label}：${p}`))
      fields.push({ key, label, value: '', truncated: false, full: null })
      continue
    }
    const value = formatted.data[key].value
    const full = String(values[source]).trim()
    const truncated = THING_KEY.test(key) && value !== full
    fields.push({ key, label, value, truncated, full: truncated ? full : null })
  }
  if (fields.length === 0) problems.push('模板没有字段')
  return { fields, problems }
}
