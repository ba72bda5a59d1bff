/**
 * A small stand-in for @tarojs/taro in jsdom (jest `ui` project). @tarojs/test-utils-react does not work with
 * Taro 4, so pages are rendered with Testing Library and this mock:
 *  - page lifecycle hooks (useLoad, useReady, useDidShow) call back once on mount; useDidHide never fires
 *    unless a test calls `__taro.hide()`; useReachBottom registers so a test can fire `__taro.reachBottom()`;
 *  - every API is a jest.fn (reset between tests by tests/ui/setup.ts); storage lives in memory;
 *  - getEnv()/ENV_TYPE say WEB, as the H5 build would.
 */
import { useEffect, useRef } from 'react'

type Fn = () => void

const storage = new Map<string, unknown>()
const listeners = { hide: new Set<Fn>(), show: new Set<Fn>(), reachBottom: new Set<Fn>(), pullDownRefresh: new Set<Fn>() }
type NetworkListener = (res: { isConnected: boolean; networkType: string }) => void
const networkListeners = new Set<NetworkListener>()

function useOnce(callback: Fn) {
  const ref = useRef(callback)
  ref.current = callback
  useEffect(() => {
    ref.current()
  }, [])
}

function useRegistered(set: Set<Fn>, callback: Fn) {
  const ref = useRef(callback)
  ref.current = callback
  useEffect(() => {
    const fn = () => ref.current()
    set.add(fn)
    return () => {
      set.delete(fn)
    }
  }, [set])
}

export const useLoad = (cb: Fn) => useOnce(cb)
export const useReady = (cb: Fn) => useOnce(cb)
export const useDidShow = (cb: Fn) => {
  useOnce(cb)
  useRegistered(listeners.show, cb)
}
export const useDidHide = (cb: Fn) => useRegistered(listeners.hide, cb)
export const useReachBottom = (cb: Fn) => useRegistered(listeners.reachBottom, cb)
export const usePullDownRefresh = (cb: Fn) => useRegistered(listeners.pullDownRefresh, cb)
export const useUnload = (cb: Fn) => useEffect(() => cb, [])
/** The page's query (`?id=7`): set by a test with `__taro.setRouterParams`, cleared between tests. */
let routerParams: Record<string, string> = {}
export const useRouter = () => ({ params: routerParams, path: '' })

/** Test helpers: fire page events the way the Taro runtime would. */
export const __taro = {
  hide: () => listeners.hide.forEach((f) => f()),
  show: () => listeners.show.forEach((f) => f()),
  reachBottom: () => listeners.reachBottom.forEach((f) => f()),
  pullDownRefresh: () => listeners.pullDownRefresh.forEach((f) => f()),
  /** WeChat's onNetworkStatusChange callback, as when the phone loses or regains its connection. */
  network: (isConnected: boolean) => networkListeners.forEach((f) => f({ isConnected, networkType: isConnected ? 'wifi' : 'none' })),
  networkListenerCount: () => networkListeners.size,
  storage,
  setRouterParams: (params: Record<string, string>) => {
    routerParams = params
  },
  reset() {
    storage.clear()
    routerParams = {}
  },
}

export enum ENV_TYPE {
  WEAPP = 'WEAPP',
  WEB = 'WEB',
}
export const getEnv = jest.fn(() => ENV_TYPE.WEB)

const resolved = (value: unknown = { errMsg: 'ok' }) => jest.fn(() => Promise.resolve(value))

export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''))
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, value)
})
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key)
})

export const request = jest.fn(() => Promise.reject(new Error('Taro.request is not mocked in this test')))
export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(() => Promise.reject(new Error('cloud.callFunction is not mocked in this test'))),
}
export const scanCode = jest.fn(() => Promise.reject(new Error('cancel')))
export const requestSubscribeMessage = jest.fn(() => Promise.reject(new Error('requestSubscribeMessage is not mocked in this test')))
export const getScreenBrightness = jest.fn(() => Promise.resolve({ value: 0.5 }))
export const setScreenBrightness = resolved()
export const vibrateShort = resolved()
export const showToast = resolved()
export const stopPullDownRefresh = resolved()
export const hideToast = resolved()
export const showLoading = resolved()
export const hideLoading = resolved()
export const navigateTo = resolved()
export const navigateBack = resolved()
export const redirectTo = resolved()
export const switchTab = resolved()
export const reLaunch = resolved()
export const onNetworkStatusChange = jest.fn((f: NetworkListener) => {
  networkListeners.add(f)
})
export const offNetworkStatusChange = jest.fn((f: NetworkListener) => {
  networkListeners.delete(f)
})
export const setClipboardData = resolved()
export const getCurrentPages = jest.fn(() => [{ route: 'pages/card/index' }])
export const getSystemInfoSync = jest.fn(() => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, platform: 'devtools' }))
export const getWindowInfo = getSystemInfoSync
export const nextTick = (fn: Fn) => setTimeout(fn, 0)
export const createSelectorQuery = jest.fn(() => {
  const q = {
    select: () => q,
    selectAll: () => q,
    selectViewport: () => q,
    boundingClientRect: () => q,
    scrollOffset: () => q,
    fields: () => q,
    exec: (cb?: (r: unknown[]) => void) => cb?.([]),
  }
  return q
})
export const pxTransform = (n: number) => `${n / 2}px`
export const getCurrentInstance = jest.fn(() => ({ router: { params: {} }, page: {} }))
export const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn(), once: jest.fn() }

/** NutUI creates a Taro.Events bus when it loads. */
export class Events {
  private handlers = new Map<string, Set<(...args: unknown[]) => void>>()
  on(name: string, fn: (...args: unknown[]) => void) {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set())
    this.handlers.get(name)!.add(fn)
    return this
  }
  off(name: string, fn?: (...args: unknown[]) => void) {
    if (fn) this.handlers.get(name)?.delete(fn)
    else this.handlers.delete(name)
    return this
  }
  once(name: string, fn: (...args: unknown[]) => void) {
    const wrap = (...args: unknown[]) => {
      this.off(name, wrap)
      fn(...args)
    }
    return this.on(name, wrap)
  }
  trigger(name: string, ...args: unknown[]) {
    this.handlers.get(name)?.forEach((f) => f(...args))
    return this
  }
}

const Taro = {
  useLoad,
  useReady,
  useDidShow,
  useDidHide,
  useReachBottom,
  usePullDownRefresh,
  useUnload,
  useRouter,
  ENV_TYPE,
  getEnv,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  request,
  cloud,
  scanCode,
  requestSubscribeMessage,
  getScreenBrightness,
  setScreenBrightness,
  vibrateShort,
  showToast,
  stopPullDownRefresh,
  hideToast,
  showLoading,
  hideLoading,
  navigateTo,
  navigateBack,
  redirectTo,
  switchTab,
  reLaunch,
  getCurrentPages,
  onNetworkStatusChange,
  offNetworkStatusChange,
  setClipboardData,
  getSystemInfoSync,
  getWindowInfo,
  nextTick,
  createSelectorQuery,
  pxTransform,
  getCurrentInstance,
  eventCenter,
  Events,
}
export default Taro
