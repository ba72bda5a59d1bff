import type { ZodError } from 'zod'

/** Flattens zod issues into `{ 'birthday.day': '日期不存在' }`, the shape the client shows next to fields. */
export function zodIssuesToFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    if (!(key in fields)) fields[key] = chineseIssueMessage(issue)
  }
  return fields
}

function chineseIssueMessage(issue: ZodError['issues'][number]): string {
  // Custom messages in the schemas are already Chinese; zod's built-in English ones are replaced here.
  if (/[\u4e00-\u9fa5]/.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? '必填项' : '类型不正确'
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`
    case 'too_big':
      return '超出允许范围'
    case 'too_small':
      return '低于允许范围'
    default:
      return '格式不正确'
  }
}
