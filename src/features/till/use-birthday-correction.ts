import { useCallback, useEffect, useRef, useState } from 'react'
import { birthdayApi } from '../../contract/birthday'
import { zodIssuesToFields } from '../../contract/zod-fields'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'
import { isFutureBirthday } from '../open-card/birthday'

type Birthday = { month: number; day: number; year?: number }
type Field = 'birthday' | 'reason'

interface CorrectionState {
  open: boolean
  birthday: Birthday | null
  reason: string
  fields: Partial<Record<Field, string>>
  /** The server's refusal (no permission, the lookup expired …): shown in the sheet, which stays open. */
  error: string | null
  saving: boolean
  /** The birthday just stored, shown under the member until the next lookup ("生日已更新"). */
  saved: Birthday | null
}

const initial: CorrectionState = { open: false, birthday: null, reason: '', fields: {}, error: null, saving: false, saved: null }

/**
 * 修改生日 (managers, on a looked-up member): members set their birthday once, so a wrong one is corrected here,
 * with a reason, by the lookup's ticket. The input is checked with the server's own schema before it is sent.
 */
export function useBirthdayCorrection(ticket: string | null) {
  const [s, setS] = useState<CorrectionState>(initial)
  const busy = useRef(false)
  const patch = (p: Partial<CorrectionState>) => setS((prev) => ({ ...prev, ...p }))

  // Another member looked up: nothing of the last one's correction carries over.
  useEffect(() => setS(initial), [ticket])

  const submit = useCallback(async () => {
    if (busy.current || !ticket) return
    const parsed = birthdayApi.staffCorrectBirthday.input.safeParse({ ticket, birthday: s.birthday ?? undefined, reason: s.reason })
    const fields: Partial<Record<Field | '_', string>> = parsed.success ? {} : fieldsOf(zodIssuesToFields(parsed.error))
    if (!s.birthday) fields.birthday = '请选择生日'
    else if (!fields.birthday && isFutureBirthday(s.birthday, Date.now())) fields.birthday = '生日不能晚于今天'
    if (!parsed.success || Object.keys(fields).length) return patch({ fields, error: fields._ ?? null })
    busy.current = true
    patch({ saving: true, fields: {}, error: null })
    try {
      const out = await callApi('staffCorrectBirthday', parsed.data)
      toast('生日已更新', 'success')
      setS({ ...initial, saved: out.birthday })
    } catch (e) {
      patch({ saving: false, error: toApiError(e).message })
    } finally {
      busy.current = false
    }
  }, [ticket, s.birthday, s.reason])

  return {
    ...s,
    openCorrection: () => patch({ open: true, birthday: null, reason: '', fields: {}, error: null }),
    close: () => !busy.current && patch({ open: false, fields: {}, error: null }),
    setBirthday: (birthday: Birthday | null) => patch({ birthday, fields: { ...s.fields, birthday: undefined }, error: null }),
    setReason: (reason: string) => patch({ reason, fields: { ...s.fields, reason: undefined }, error: null }),
    submit,
  }
}

/** 'birthday.day' belongs to the birthday row; anything not on a field (the ticket) is the sheet's message. */
function fieldsOf(flat: Record<string, string>): Partial<Record<Field | '_', string>> {
  const out: Partial<Record<Field | '_', string>> = {}
  for (const [key, message] of Object.entries(flat)) {
    const head = key.split('.')[0]
    const field = head === 'birthday' || head === 'reason' ? head : '_'
    if (!(field in out)) out[field] = message
  }
  return out
}
