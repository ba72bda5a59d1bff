import type { Tx } from '../db'
import { auditLog } from '../schema'

export interface AuditEntry {
  staffId: number | null
  action: string
  memberId: number | null
  /** What was read or changed; never phone numbers or birthdays in clear. */
  detail: Record<string, unknown>
  createdAt: Date
}

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry)
}
