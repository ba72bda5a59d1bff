import Taro from '@tarojs/taro'
import type { SubscribeResult } from '../contract/enums'
import { isWeapp } from './platform'

/** WeChat subscription messages exist only in the mini-program; the browser has no equivalent. */
export const canSubscribe = (): boolean => isWeapp()

export type SubscribeAnswer = { ok: true; results: Record<string, SubscribeResult> } | { ok: false; message: string }

const RESULTS: readonly string[] = ['accept', 'reject', 'ban', 'filter']

/**
 * Shows WeChat's subscribe popup for up to 3 template ids. WeChat allows it only from a tap, synchronously:
 * call this FIRST in the tap handler, before any await or network call, then record the answer.
 */
export function requestSubscribe(templateIds: readonly string[]): Promise<SubscribeAnswer> {
  if (!canSubscribe()) return Promise.resolve({ ok: false, message: '仅在微信中可订阅' })
  const ids = templateIds.slice(0, 3)
  return Promise.resolve(Taro.requestSubscribeMessage({ tmplIds: ids } as Parameters<typeof Taro.requestSubscribeMessage>[0]))
    .then((res): SubscribeAnswer => {
      const raw = res as unknown as Record<string, unknown>
      const results: Record<string, SubscribeResult> = {}
      for (const id of ids) if (typeof raw[id] === 'string' && RESULTS.includes(raw[id] as string)) results[id] = raw[id] as SubscribeResult
      return { ok: true, results }
    })
    .catch((error: { errCode?: number }): SubscribeAnswer => ({
      ok: false,
      // 20004: the member turned subscription messages off in WeChat's settings.
      message: error?.errCode === 20004 ? '您已关闭订阅消息，可在微信「设置」中开启' : '订阅未完成，请稍后再试',
    }))
}
