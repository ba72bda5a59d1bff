import { MAX_PURCHASE_FEN, purchaseAmountFen } from '../../contract/fields'

export type AmountResult = { ok: true; fen: number } | { ok: false; message: string }

const FORMAT_MESSAGE = '请输入正确的金额，如 12.30'
const GROUPING_MESSAGE = '千位分隔符位置不对，请输入如 1,280.50 的金额'

/**
 * What the clerk typed, in yuan ("12.3", "12.30", "1,280", "１２．５"), → integer fen, by string arithmetic:
 * parseFloat("12.30") * 100 is 1229.9999…, which is exactly the bug this avoids. The final range check is
 * the contract's own schema, so the client and the server refuse the same amounts with the same words.
 *
 * NFKC first, so full-width digits and punctuation from Chinese keyboards ("１２", "12．5", "１，２８０") read as
 * their ASCII forms. A comma is only accepted as a proper thousands separator ("1,280.50"): "12,50" (a
 * European decimal comma) or "1,2,3" would otherwise silently become a different amount.
 */
export function parseYuanToFen(text: string): AmountResult {
  let s = text
    .normalize('NFKC')
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/[。｡]/g, '.')
  if (s === '') return { ok: false, message: '请输入消费金额' }
  if (s.startsWith('-')) return { ok: false, message: '金额必须大于 0' }
  if (s.includes(',')) {
    const [whole, ...rest] = s.split('.')
    if (!/^\d{1,3}(?:,\d{3})+$/.test(whole ?? '') || rest.some((part) => part.includes(','))) {
      return { ok: false, message: GROUPING_MESSAGE }
    }
    s = [whole!.replace(/,/g, ''), ...rest].join('.')
  }
  const m = /^(\d{1,9})(?:\.(\d*))?$/.exec(s) ?? /^()\.(\d+)$/.exec(s)
  if (!m) return { ok: false, message: FORMAT_MESSAGE }
  const decimals = m[2] ?? ''
  if (decimals.length > 2) return { ok: false, message: '金额最多保留两位小数' }
  const fen = Number(m[1] || '0') * 100 + Number(decimals.padEnd(2, '0') || '0')
  const checked = purchaseAmountFen.safeParse(fen)
  if (!checked.success) return { ok: false, message: checked.error.issues[0]?.message ?? '金额不正确' }
  return { ok: true, fen: checked.data }
}

export { MAX_PURCHASE_FEN }
