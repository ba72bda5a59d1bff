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

/**
 * Storage for the current identity. In a browser that is the tab's sessionStorage: the demo identity (its token
 * and what was cached for it) belongs to one tab, so two windows can be a member and a clerk at once, and no
 * window ever shows another identity's cached card. Inside WeChat there is one identity: the normal storage.
 */
function tabStorage(): Storage | null {
  if (process.env.TARO_ENV === 'weapp' || typeof window === 'undefined') return null
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

export function readIdentityStored<T>(key: string): T | null {
  const tab = tabStorage()
  if (!tab) return readStored<T>(key)
  try {
    const raw = tab.getItem(key)
    return raw === null ? null : (JSON.parse(raw) as T)
  } catch {
    return null
  }
}

export function writeIdentityStored<T>(key: string, value: T): void {
  const tab = tabStorage()
  if (!tab) return writeStored(key, value)
  try {
    tab.setItem(key, JSON.stringify(value))
  } catch {
    // see writeStored
  }
}

export function removeIdentityStored(key: string): void {
  const tab = tabStorage()
  if (!tab) return removeStored(key)
  try {
    tab.removeItem(key)
  } catch {
    // see writeStored
  }
}
