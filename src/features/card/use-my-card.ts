import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { onNetworkBack } from '../../services/network'
import { useCardStore } from './store'

/** While the card shown is the stored one, try again this often (besides the network-back event). */
const OFFLINE_RETRY_MS = 15_000

/**
 * The member's card, reloaded whenever the page shows (after 开卡, after a purchase at the till…). While it is
 * only the offline copy, it reloads by itself when the network returns, so the offline banner goes away without
 * a tab switch.
 */
export function useMyCard(visible = true) {
  const state = useCardStore()
  useDidShow(() => {
    void useCardStore.getState().load()
  })
  const stuckOffline = visible && state.offline
  useEffect(() => {
    if (!stuckOffline) return undefined
    const reload = () => void useCardStore.getState().load()
    const stop = onNetworkBack(reload)
    const timer = setInterval(reload, OFFLINE_RETRY_MS)
    return () => {
      stop()
      clearInterval(timer)
    }
  }, [stuckOffline])
  return state
}
