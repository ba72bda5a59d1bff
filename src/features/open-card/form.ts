import type { ApiInput } from '../../contract'
import { cardApi as api } from '../../contract/card'
import { zodIssuesToFields } from '../../contract/zod-fields'
import { isFutureBirthday } from './birthday'

/** What the open-card form holds while the user types (strings; birthday parts from the picker). */
export interface OpenCardForm {
  nickname: string
  phone: string
  /** WeChat's one-time phone-number code (weapp button); when present it is sent instead of `phone`. */
  phoneCode: string | null
  birthday: { year?: number; month: number; day: number } | null
}

export const emptyOpenCardForm: OpenCardForm = { nickname: '', phone: '', phoneCode: null, birthday: null }

export type OpenCardValidation =
  | { ok: true; input: ApiInput<'openCard'> }
  | { ok: false; fields: Record<string, string> }

/** Field key → the form field that shows it ('birthday.day' belongs to the birthday row). */
export function fieldFor(key: string): keyof OpenCardForm | '_' {
  const head = key.split('.')[0]
  if (head === 'phoneCode') return 'phone' // the WeChat button stands where the phone input would be
  return head === 'nickname' || head === 'phone' || head === 'birthday' ? head : '_'
}

/**
 * Builds the API input and validates it with the SAME schema the server uses (api.openCard.input),
 * so every message the user sees before submitting is the one the server would send.
 */
export function validateOpenCard(form: OpenCardForm, nowMs = Date.now()): OpenCardValidation {
  const candidate: Record<string, unknown> = form.phoneCode
    ? { nickname: form.nickname, phoneCode: form.phoneCode }
    : { nickname: form.nickname, phone: form.phone.replace(/[\s-]/g, '') }
  if (form.birthday) {
    const b: Record<string, number> = { month: form.birthday.month, day: form.birthday.day }
    if (form.birthday.year !== undefined) b.year = form.birthday.year
    candidate.birthday = b
  }
  const parsed = api.openCard.input.safeParse(candidate)
  const fields = parsed.success ? {} : groupFields(zodIssuesToFields(parsed.error))
  // The picker offers no future date; this also catches a birthday picked before midnight and sent after.
  if (form.birthday && !fields.birthday && isFutureBirthday(form.birthday, nowMs)) fields.birthday = '生日不能晚于今天'
  if (!parsed.success || Object.keys(fields).length) return { ok: false, fields }
  return { ok: true, input: parsed.data }
}

/** Collapse dotted keys onto form fields, keeping the first message per field. */
export function groupFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, message] of Object.entries(fields)) {
    const f = fieldFor(key)
    if (!(f in out)) out[f] = message
  }
  return out
}

export function birthdayText(b: OpenCardForm['birthday']): string {
  if (!b) return ''
  return b.year ? `${b.year} 年 ${b.month} 月 ${b.day} 日` : `${b.month} 月 ${b.day} 日`
}
