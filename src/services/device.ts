import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

/** Scanning exists only inside WeChat; H5 users type or paste the code. */
export const canScan = (): boolean => isWeapp()

/** Opens the WeChat scanner. Resolves null when the user cancels. */
export async function scanCode(): Promise<string | null> {
  if (!canScan()) return null
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] })
    return res.result || null
  } catch {
    return null
  }
}

/** The user's own level, saved by the first raise and put back by restore. */
let savedBrightness: number | null = null
/**
 * Bumped by every raise and restore. A raise that awaited getScreenBrightness checks it afterwards: if a restore
 * (the page hid) or a newer raise ran meanwhile, this raise is stale and must not set full brightness, or the
 * screen would stay at full brightness on a page that no longer shows a code.
 */
let generation = 0

/** Full brightness while a code is on screen so till scanners read it; remembers the user's level. */
export async function raiseBrightness(): Promise<void> {
  if (!isWeapp()) return
  const mine = ++generation
  try {
    if (savedBrightness === null) {
      const current = await Taro.getScreenBrightness()
      if (mine !== generation) return
      savedBrightness = current.value
    }
    await Taro.setScreenBrightness({ value: 1 })
  } catch {
    // Brightness is a nicety; a refusal must never break the card.
  }
}

export async function restoreBrightness(): Promise<void> {
  if (!isWeapp()) return
  generation++ // cancels a raise still waiting for getScreenBrightness
  if (savedBrightness === null) return
  const value = savedBrightness
  savedBrightness = null
  try {
    await Taro.setScreenBrightness({ value })
  } catch {
    // see raiseBrightness
  }
}

export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  Taro.showToast({ title, icon, duration: 2000 }).catch(() => undefined)
}

/** Copies text (the member code for a till that types it in). Resolves false when the platform refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    // Both WeChat and Taro's H5 version show their own "内容已复制" toast on success.
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    toast('复制失败，请长按数字手动复制')
    return false
  }
}

export function vibrateShort(): void {
  if (!isWeapp()) return
  Taro.vibrateShort({ type: 'medium' }).catch(() => undefined)
}
