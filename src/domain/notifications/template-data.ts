import dayjs from 'dayjs'
import { inZone } from '../zone-offset'

/**
 * WeChat subscription-message data, checked before anything is queued: a value WeChat would refuse (47003) is
 * caught here, where we can still say which field and why, not at send time in a job nobody watches.
 * Limits per key type (the key is `<type><n>`, e.g. `thing1`): see /work/shared/research §1.1.
 */
export type TemplateValue = string | number
export type TemplateData = Record<string, { value: string }>
export type FormatResult = { ok: true; data: TemplateData } | { ok: false; problems: string[] }

export const THING_MAX = 20

const KEY = /^([a-z_]+?)(\d+)$/
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\uFE0F|\u200D/u
const CONTROL = /\p{Cc}/u
const HAN = /^\p{Script=Han}+$/u

type Formatter = (value: TemplateValue, timeZone: string) => string | { problem: string }

const chars = (s: string) => [...s]

function limited(max: number, pattern: RegExp, what: string): Formatter {
  return (value) => {
    const s = String(value).trim()
    if (chars(s).length > max) return { problem: `longer than ${max} characters` }
    if (!pattern.test(s)) return { problem: `not ${what}` }
    return s
  }
}

// A full ISO instant (what payloads carry: Date.toISOString()) parses the same with Date.parse; anything else is
// parsed by dayjs as before (its rules for zone-less strings differ from Date.parse's).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** `withTime`: "2027年1月1日 00:00", else "2027年1月1日", in the store's zone (zone-offset.ts: no Intl per call). */
function time(withTime: boolean): Formatter {
  return (value, timeZone) => {
    const atMs = typeof value === 'string' && ISO_INSTANT.test(value) ? Date.parse(value) : dayjs(typeof value === 'number' ? value : String(value)).valueOf()
    if (!Number.isFinite(atMs)) return { problem: 'not a time' }
    const local = inZone(atMs, timeZone)
    const date = `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`
    if (!withTime) return date
    return `${date} ${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`
  }
}

const FORMATTERS: Record<string, Formatter> = {
  // Free text: cut to 20 characters with an ellipsis rather than refused, so a long name still sends.
  thing: (value) => {
    const s = String(value).trim()
    const list = chars(s)
    return list.length <= THING_MAX ? s : `${list.slice(0, THING_MAX - 1).join('')}…`
  },
  number: limited(32, /^-?\d+(\.\d+)?$/, 'a number'),
  letter: limited(32, /^[A-Za-z]+$/, 'letters'),
  symbol: limited(5, /^[^\p{L}\p{N}\s]+$/u, 'symbols'),
  character_string: limited(32, /^[\x21-\x7e]+$/, 'digits, letters and symbols'),
  phone_number: limited(17, /^\+?[\d-]+$/, 'a phone number'),
  // Amounts come as integer fen and go out as "12.34元" (one symbol, at most 10 digits).
  amount: (value) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return { problem: 'not an amount in fen' }
    const text = (value / 100).toFixed(2)
    if (text.replace(/\D/g, '').length > 10) return { problem: 'more than 10 digits' }
    return `${text}元`
  },
  time: time(true),
  date: time(false),
  name: (value) => {
    const s = String(value).trim()
    const max = HAN.test(s) ? 10 : 20
    return chars(s).length > max ? { problem: `longer than ${max} characters` } : s
  },
  phrase: (value) => {
    const s = String(value).trim()
    if (!HAN.test(s)) return { problem: 'not Chinese only' }
    return chars(s).length > 5 ? { problem: 'longer than 5 characters' } : s
  },
}

/**
 * Builds the `data` of subscribeMessage.send from a template's field mapping (`{ thing1: 'title' }`: template
 * key → name of a value) and the values. Refuses empty values, emoji and control characters in any field,
 * unknown key types and values a type does not take; truncates `thing` to 20 characters with "…".
 */
export function formatTemplateData(fields: Record<string, string>, values: Record<string, TemplateValue>, timeZone: string): FormatResult {
  const data: TemplateData = {}
  const problems: string[] = []
  for (const [key, source] of Object.entries(fields)) {
    const type = KEY.exec(key)?.[1]
    const formatter = type === undefined ? undefined : FORMATTERS[type]
    if (!formatter) {
      problems.push(`${key}: unknown template key type`)
      continue
    }
    const value = values[source]
    if (value === undefined || String(value).trim() === '') {
      problems.push(`${key}: empty (${source})`)
      continue
    }
    if (typeof value === 'string' && (EMOJI.test(value) || CONTROL.test(value))) {
      problems.push(`${key}: emoji or control characters`)
      continue
    }
    const out = formatter(value, timeZone)
    if (typeof out === 'string') data[key] = { value: out }
    else problems.push(`${key}: ${out.problem}`)
  }
  if (Object.keys(fields).length === 0) problems.push('no fields')
  return problems.length ? { ok: false, problems } : { ok: true, data }
}
