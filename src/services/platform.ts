import Taro from '@tarojs/taro'

export type Platform = 'weapp' | 'h5'

/**
 * Which runtime we are in. `process.env.TARO_ENV` is replaced with a literal at build time, so the other
 * platform's branch is dropped from each bundle; it is read per call so tests can switch platforms.
 */
export function currentPlatform(): Platform {
  return process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5'
}

export const isWeapp = (): boolean => currentPlatform() === 'weapp'

let initialised = false
/** Once per app start: WeChat cloud must be initialised before the first callFunction. No-op on H5. */
export function initPlatform(): void {
  if (initialised || !isWeapp()) return
  initialised = true
  Taro.cloud.init({ traceUser: true })
}
