import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { callApi } from '../../services/api'

/** Unread 消息 for the 我的 badge; refreshed whenever the page shows (after reading them, say). 0 on any failure. */
export function useUnreadCount(enabled: boolean): number {
  const [count, setCount] = useState(0)
  const refresh = useCallback(async () => {
    if (!enabled) return setCount(0)
    try {
      const { unreadCount } = await callApi('getNotificationSettings', {})
      setCount(Number.isInteger(unreadCount) ? unreadCount : 0)
    } catch {
      setCount(0)
    }
  }, [enabled])
  useEffect(() => void refresh(), [refresh])
  useDidShow(() => void refresh())
  return count
}
