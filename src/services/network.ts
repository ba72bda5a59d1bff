import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

/**
 * Calls `listener` when the device comes back online. WeChat reports this through onNetworkStatusChange; in a
 * browser Taro only watches navigator.connection (absent in Safari/Firefox), so the window's own `online` event
 * is listened to as well. Returns the unsubscribe function.
 */
export function onNetworkBack(listener: () => void): () => void {
  const onStatus = (res: { isConnected: boolean }) => {
    if (res.isConnected) listener()
  }
  try {
    Taro.onNetworkStatusChange(onStatus)
  } catch {
    // Not every runtime implements it; the retry backoff still recovers.
  }
  const win = !isWeapp() && typeof window !== 'undefined' ? window : null
  win?.addEventListener('online', listener)
  return () => {
    try {
      Taro.offNetworkStatusChange(onStatus)
    } catch {
      // see above
    }
    win?.removeEventListener('online', listener)
  }
}
