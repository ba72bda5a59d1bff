import type { NotificationKind } from '../../../contract/enums'
import type { NotificationView } from '../../../contract/notifications'
import type { NotificationRow } from '../../db/repositories/notifications'

/** What the member sees of a notification: never its delivery internals. */
export function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: String(row.id),
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  }
}
