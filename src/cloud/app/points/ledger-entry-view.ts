import type { LedgerEntryView, LedgerReason } from '../../../contract'
import type { LedgerRow } from '../../db/repositories/points-ledger'

export function toLedgerEntryView(row: LedgerRow): LedgerEntryView {
  return {
    id: String(row.id),
    reason: row.reason as LedgerReason, // the CHECK constraint (built from LEDGER_REASONS) keeps this honest
    delta: row.delta,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  }
}
