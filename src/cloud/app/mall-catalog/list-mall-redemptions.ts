import type { AdminRedemptionView, MallItemKind, RedemptionStatus } from '../../../contract'
import { maskPhone } from '../../../domain/phone-mask'
import { listRedemptionsPage, type AdminRedemptionRow } from '../../db/repositories/mall-catalog'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { decryptPhone } from '../personal-data'
import type { UseCaseContext } from '../store-context'

/**
 * 兑换记录: newest first, keyset-paged on id (the cursor is the last id shown), filtered by state or item. The
 * member is shown masked: the phone is decrypted only to be masked here and never leaves the server in clear.
 */
export const listMallRedemptions = defineOperation({
  name: 'listMallRedemptions',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  run: async (ctx, _staff, input) => {
    const itemId = input.itemId ? rowId(input.itemId) : undefined
    if (itemId === null) return { redemptions: [], nextCursor: null }
    const beforeId = input.cursor ? rowId(input.cursor) ?? undefined : undefined
    // One more than asked: whether a next page exists without a second query.
    const rows = await listRedemptionsPage(ctx.tx, ctx.store.id, { status: input.status, itemId, beforeId, limit: input.limit + 1 })
    const page = rows.slice(0, input.limit)
    const nextCursor = rows.length > input.limit ? String(page[page.length - 1].redemption.id) : null
    return { redemptions: page.map((row) => toAdminRedemptionView(row, ctx)), nextCursor }
  },
})

function toAdminRedemptionView(row: AdminRedemptionRow, ctx: UseCaseContext): AdminRedemptionView {
  const r = row.redemption
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  return {
    id: String(r.id),
    itemId: String(r.itemId),
    itemName: r.itemName,
    kind: r.kind as MallItemKind,
    quantity: r.quantity,
    points: r.points,
    status: r.status as RedemptionStatus,
    member: { memberNo: row.memberNo, nickname: row.nickname, phoneMasked: maskPhone(decryptPhone(ctx.config, row.phoneEnc)) },
    createdAt: r.createdAt.toISOString(),
    pickupExpiresAt: iso(r.pickupExpiresAt),
    pickedUp: r.pickedUpAt ? { at: r.pickedUpAt.toISOString(), staffName: row.pickupStaffName ?? '' } : null,
    closedAt: iso(r.closedAt),
    closeReason: r.closeReason,
    pointsReturned: r.pointsReturned,
  }
}
