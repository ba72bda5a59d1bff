import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

/**
 * H5 loads each page's code on first visit. Offline that load fails inside Taro's router, which only rejects a
 * promise nobody holds: the page did not change while the tab bar already had. These helpers make that failure
 * visible and undo the half-done switch. (Inside WeChat the packages are on the phone: nothing to do.)
 */

export const PAGE_LOAD_FAILED = '页面加载失败，请检查网络后重试'

interface H5Route {
  path: string
  load: () => [Promise<unknown>, ...unknown[]]
}

function h5Routes(): H5Route[] {
  if (isWeapp() || typeof window === 'undefined') return []
  const config = (window as unknown as { __taroAppConfig?: { routes?: H5Route[] } }).__taroAppConfig
  return config?.routes ?? []
}

/**
 * A loader for a page's code (H5), to run before navigating to it: resolves false when the code cannot be
 * loaded (offline). null when there is nothing to load (WeChat, tests), so the caller navigates at once.
 */
export function pagePreloader(url: string): (() => Promise<boolean>) | null {
  const path = url.replace(/^\//, '').split('?')[0]
  const route = h5Routes().find((r) => r.path === path)
  if (!route) return null
  return () =>
    Promise.resolve(route.load()[0]).then(
      () => true,
      () => false,
    )
}

export function isChunkLoadError(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false
  const e = reason as { name?: unknown; message?: unknown }
  return e.name === 'ChunkLoadError' || (typeof e.message === 'string' && /Loading (CSS )?chunk \S+ failed/.test(e.message))
}

let installed = false
/**
 * Once per app start on H5: a page whose code failed to load (a tab bar tap while offline) says so, and the tab
 * bar goes back to the page actually on screen.
 */
export function guardPageLoads(): void {
  if (installed || isWeapp() || typeof window === 'undefined') return
  installed = true
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkLoadError(event.reason)) return
    event.preventDefault()
    Taro.showToast({ title: PAGE_LOAD_FAILED, icon: 'none', duration: 3000 }).catch(() => undefined)
    const pages = Taro.getCurrentPages()
    const shown = pages[pages.length - 1]?.route
    // Re-selecting the page on screen puts the tab bar and the address back where they belong.
    if (shown) Promise.resolve(Taro.switchTab({ url: `/${shown.replace(/^\//, '')}` })).catch(() => undefined)
  })
}
