import { useDidShow } from '@tarojs/taro'
import { useCardStore } from './store'

/** The member's card, reloaded whenever the page shows (after 开卡, after a purchase at the till…). */
export function useMyCard() {
  const state = useCardStore()
  useDidShow(() => {
    void useCardStore.getState().load()
  })
  return state
}
