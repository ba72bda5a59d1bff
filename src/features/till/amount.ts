import { api, MAX_PURCHASE_FEN } from '../../contract/schemas'

export type AmountResult = { ok: true; fen: number } | { ok: false; message: string }

const amountFenSchema = api.staffRecordPurchase.input.shape.amountFen

/**
 * What the clerk typed, in yuan ("12.3", "12.30", "1,280"), → integer fen, by string arithmetic:
 * parseFloat("12.30") * 100 is 1229.9999…, which is exactly the bug this avoids. The final range check is
 * the contract's own schema, so the client and the server refuse the same amounts with the same words.
 */
export function parseYuanToFen(text: string): AmountResult {
  const s = text.trim().replace(/^¥/, '').replace(/,/g, '').replace(/。/g, '.')
  if (s === '') return { ok: false, message: '请输入消费金额' }
  if (s.startsWith('-')) return { ok: false, message: '金额必须大于 0' }
  const m = /^(\d{1,9})(?:\.(\d*))?$/.exec(s) ?? /^()\.(\d+)$/.exec(s)
  if (!m) return { ok: false, message: '请输入正确的金额，如 12.30' }
  const decimals = m[2] ?? ''
  if (decimals.length > 2) return { ok: false, message: '金额最多保留两位小数' }
  const fen = Number(m[1] || '0') * 100 + Number(decimals.padEnd(2, '0') || '0')
  const checked = amountFenSchema.safeParse(fen)
  if (!checked.success) return { ok: false, message: checked.error.issues[0]?.message ?? '金额不正确' }
  return { ok: true, fen: checked.data }
}

export { MAX_PURCHASE_FEN }
