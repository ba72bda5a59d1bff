import { useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Whether this page is the one on screen. Tab pages are hidden, not unmounted, when the user switches tabs:
 * timers and screen brightness must follow visibility, not mount state.
 */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))
  return visible
}
