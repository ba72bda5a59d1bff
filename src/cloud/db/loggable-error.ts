/**
 * What may be written to a log about a failure: the error's class, its code / SQLSTATE, and a short message with
 * anything that could be a value taken out. Never the error object itself: drizzle's "Failed query: … params: …"
 * carries the query's parameters (openids, nicknames, phone ciphertexts), PostgreSQL's `detail` quotes the row
 * ("Key (openid)=(…) already exists"), and a stack's first line repeats the message.
 */
const MAX_MESSAGE_CHARS = 160
const MAX_CAUSES = 4

export function describeError(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < MAX_CAUSES && current !== undefined && current !== null; depth++) {
    parts.push(describeOne(current))
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined
  }
  return parts.join(' ← caused by ')
}

function describeOne(error: unknown): string {
  if (typeof error !== 'object') return `non-error ${typeof error}`
  const e = error as { constructor?: { name?: string }; name?: unknown; code?: unknown; message?: unknown; issues?: unknown }
  const className = e.constructor?.name && e.constructor.name !== 'Object' ? e.constructor.name : String(e.name ?? 'Object')
  const fields = [className]
  if (typeof e.code === 'string' || typeof e.code === 'number') {
    // PostgreSQL's SQLSTATE is five characters; anything else is a Node/library code (ECONNREFUSED, …).
    fields.push(/^[0-9A-Z]{5}$/.test(String(e.code)) ? `SQLSTATE ${e.code}` : `code ${e.code}`)
  }
  if (Array.isArray(e.issues)) {
    // zod: where and what kind of problem, never the value received.
    fields.push(e.issues.map((i: { path?: unknown[]; code?: string }) => `${(i.path ?? []).join('.') || '(root)'}: ${i.code}`).join('; '))
  } else if (typeof e.message === 'string' && e.message !== '') {
    fields.push(shortMessage(e.message))
  }
  return fields.join(' ')
}

/**
 * drizzle's query errors are cut before the query text (the cause says what PostgreSQL refused); PostgreSQL puts
 * an offending value after a colon in double quotes ('invalid input syntax for type uuid: "…"'), and single-quoted
 * literals are values too, and so is a long run of digits (a phone number, a member code). Constraint and column
 * names ("members_openid_unique") are kept: they say what failed.
 */
export function shortMessage(message: string): string {
  const firstLine = message.startsWith('Failed query:') ? 'Failed query (text and params omitted)' : message.split('\n')[0]
  const redacted = firstLine
    .replace(/params:.*$/i, 'params omitted')
    .replace(/:\s*"[^"]*"?/g, ': "…"')
    .replace(/'[^']*'?/g, "'…'")
    .replace(/\d{7,}/g, '#…')
  return redacted.length > MAX_MESSAGE_CHARS ? `${redacted.slice(0, MAX_MESSAGE_CHARS)}…` : redacted
}
