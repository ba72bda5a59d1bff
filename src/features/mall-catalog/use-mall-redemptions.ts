import { useRef, useState } from 'react'
import type { RedemptionStatus } from '../../contract/enums'
import type { AdminRedemptionView } from '../../contract/mall-items'
import { callApi } from '../../services/api'
import { usePagedList } from '../common/use-paged-list'

export const PAGE_SIZE = 20
const MAX_ROWS = 1000

/** 兑换记录, newest first, a page at a time, filtered by state (and by item when opened from one). */
export function useMallRedemptions(itemId: string | null) {
  const [status, setStatusFilter] = useState<RedemptionStatus | null>(null)
  // Read by fetchPage at call time: a filter tap reloads before the next render.
  const latestStatus = useRef(status)
  const list = usePagedList<AdminRedemptionView, null>(
    async (cursor) => {
      const out = await callApi('listMallRedemptions', {
        limit: PAGE_SIZE,
        ...(latestStatus.current ? { status: latestStatus.current } : {}),
        ...(itemId ? { itemId } : {}),
        ...(cursor ? { cursor } : {}),
      })
      return { rows: out.redemptions, nextCursor: out.nextCursor, extra: null }
    },
    { maxRows: MAX_ROWS },
  )
  /** A new filter is a new list: the old rows go, the first page of the new one loads. */
  const filter = (next: RedemptionStatus | null) => {
    setStatusFilter(next)
    latestStatus.current = next
    void list.reload()
  }
  return { ...list, status: list.status, filterStatus: status, filter }
}
