import { and, asc, eq } from 'drizzle-orm'
import type { NotificationKind } from '../../../contract/enums'
import type { Tx } from '../db'
import { notificationTemplates } from '../schema'

export type NotificationTemplateRow = typeof notificationTemplates.$inferSelect

export async function findNotificationTemplate(tx: Tx, storeId: number, kind: NotificationKind): Promise<NotificationTemplateRow | null> {
  const rows = await tx
    .select()
    .from(notificationTemplates)
    .where(and(eq(notificationTemplates.storeId, storeId), eq(notificationTemplates.kind, kind)))
    .limit(1)
  return rows[0] ?? null
}

export async function listNotificationTemplates(tx: Tx, storeId: number): Promise<NotificationTemplateRow[]> {
  return tx.select().from(notificationTemplates).where(eq(notificationTemplates.storeId, storeId)).orderBy(asc(notificationTemplates.kind))
}

export interface TemplateSetting {
  storeId: number
  kind: NotificationKind
  templateId: string
  fields: Record<string, string>
  page: string | null
  now: Date
}

/** Sets (or replaces) the template of one kind of notification. Already queued notifications keep theirs. */
export async function upsertNotificationTemplate(tx: Tx, setting: TemplateSetting): Promise<void> {
  const values = { templateId: setting.templateId, fields: setting.fields, page: setting.page, updatedAt: setting.now }
  await tx
    .insert(notificationTemplates)
    .values({ storeId: setting.storeId, kind: setting.kind, ...values })
    .onConflictDoUpdate({ target: [notificationTemplates.storeId, notificationTemplates.kind], set: values })
}
