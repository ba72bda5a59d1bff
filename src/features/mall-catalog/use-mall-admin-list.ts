import { useCallback, useRef, useState } from 'react'
import type { AdminMallItemView } from '../../contract/mall-items'
import type { ApiOutput } from '../../contract'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'

type Notice = ApiOutput<'listStaffNotices'>['notices'][number]

export interface MallListState {
  status: 'loading' | 'ready' | 'error'
  items: AdminMallItemView[]
  notices: Notice[]
  /** Unread when the list was opened: the badge keeps it for this visit, though they are marked read at once. */
  unread: number
  error: string | null
  offline: boolean
  /** The item whose 下架 / 上架 is on its way. */
  switching: string | null
}

/**
 * 积分商城管理: the items and the managers' notices on top. Notices shown are marked read right after they
 * arrive (they have been seen); a failure to mark is not worth a message, the next visit tries again.
 */
export function useMallAdminList() {
  const [s, setS] = useState<MallListState>({ status: 'loading', items: [], notices: [], unread: 0, error: null, offline: false, switching: null })
  const busy = useRef(false)
  const patch = (p: Partial<MallListState>) => setS((prev) => ({ ...prev, ...p }))

  const load = useCallback(async () => {
    setS((prev) => ({ ...prev, status: prev.items.length ? prev.status : 'loading', error: null }))
    try {
      const [{ items }, { notices, unread }] = await Promise.all([callApi('listMallItemsAdmin', {}), callApi('listStaffNotices', {})])
      patch({ status: 'ready', items, notices, unread, offline: false })
      if (unread > 0) callApi('markStaffNoticesRead', {}).catch(() => undefined)
    } catch (e) {
      const error = toApiError(e)
      setS((prev) => ({ ...prev, status: prev.items.length ? 'ready' : 'error', error: error.message, offline: error.isOffline }))
    }
  }, [])

  const setStatus = useCallback(async (item: AdminMallItemView) => {
    if (busy.current) return
    busy.current = true
    patch({ switching: item.id, error: null })
    try {
      const { item: saved } = await callApi('setMallItemStatus', { itemId: item.id, status: item.status === 'on_sale' ? 'stopped' : 'on_sale' })
      setS((prev) => ({ ...prev, switching: null, items: prev.items.map((x) => (x.id === saved.id ? saved : x)) }))
      toast(saved.status === 'on_sale' ? '已上架' : '已下架，已兑换的礼品仍可领取')
    } catch (e) {
      const error = toApiError(e)
      patch({ switching: null, error: error.message, offline: error.isOffline })
    } finally {
      busy.current = false
    }
  }, [])

  return { ...s, load, setStatus }
}
