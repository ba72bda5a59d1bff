import { useRef, useState } from 'react'
import type { CardView } from '../../contract/card'
import { callApi, toApiError } from '../../services/api'
import { groupFields, validateOpenCard, type OpenCardForm, emptyOpenCardForm } from './form'

/**
 * The open-card form: client validation with the contract schema, one submit at a time, and the server's
 * field errors mapped back onto the same fields.
 */
export function useOpenCard(onOpened: (card: CardView) => void) {
  const [form, setForm] = useState<OpenCardForm>(emptyOpenCardForm)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const inFlight = useRef(false)

  const update = <K extends keyof OpenCardForm>(key: K, value: OpenCardForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setFields((e) => {
      if (!(key in e)) return e
      const next = { ...e }
      delete next[key]
      return next
    })
  }

  const submit = async () => {
    if (inFlight.current) return
    setFormError(null)
    const checked = validateOpenCard(form)
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setFields({})
    inFlight.current = true
    setSubmitting(true)
    try {
      const out = await callApi('openCard', checked.input)
      onOpened(out.card)
    } catch (e) {
      // WeChat's phone code is one-time: whatever went wrong (a timeout, INTERNAL, PHONE_CODE_INVALID), the server
      // may already have spent it. Drop it so the phone button shows again and a retry asks WeChat for a new one.
      setForm((f) => (f.phoneCode === null ? f : { ...f, phoneCode: null }))
      const err = toApiError(e)
      if (err.fields && Object.keys(err.fields).length) setFields(groupFields(err.fields))
      setFormError(err.message)
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return { form, fields, formError, submitting, update, submit }
}
