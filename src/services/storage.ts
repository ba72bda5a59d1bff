import Taro from '@tarojs/taro'

// Synchronous storage wrappers. Storage can throw (quota, private mode): the app treats that as "nothing stored".

export function readStored<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined
    return value === '' || value === undefined || value === null ? null : (value as T)
  } catch {
    return null
  }
}

export function writeStored<T>(key: string, value: T): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // Losing a cache entry is harmless; the next online load writes it again.
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // ignore: see writeStored
  }
}
