/**
 * LOCAL STUB (helper H5) of the lead's `routeScannedCode`, coded against the shared name until main has it:
 * one staff scanner, routed by the code's shape. Spaces and dashes are ignored (typed or pasted in groups).
 */
export type ScannedCode = { kind: 'member'; code: string } | { kind: 'coupon'; code: string } | { kind: 'unknown' }

export function routeScannedCode(text: string): ScannedCode {
  const s = text.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase()
  if (/^\d{24}$/.test(s)) return { kind: 'member', code: s }
  if (/^C1\d{20}$/.test(s)) return { kind: 'coupon', code: s }
  return { kind: 'unknown' }
}
