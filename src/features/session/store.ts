import { create } from 'zustand'
import type { ApiOutput, Role } from '../../contract'
import { ApiError, callApi, clearSession, devLogin, hasSession, toApiError, type DevIdentity } from '../../services/api'

export type WhoAmI = ApiOutput<'whoAmI'>
export type SessionStatus = 'idle' | 'loading' | 'ready' | 'login' | 'error'

interface SessionState {
  status: SessionStatus
  me: WhoAmI | null
  error: ApiError | null
  /** whoAmI; 'login' when there is no session (H5 without a dev-login token). */
  load: () => Promise<void>
  loginAs: (as: DevIdentity) => Promise<void>
  /** H5: forget the token so the dev-login panel shows again. */
  logout: () => void
}

/** Listeners other stores register to drop per-identity data (the cached card) on identity change. */
const identityListeners = new Set<() => void>()
export function onIdentityChange(listener: () => void): () => void {
  identityListeners.add(listener)
  return () => identityListeners.delete(listener)
}
const notifyIdentityChange = () => identityListeners.forEach((l) => l())

export const useSessionStore = create<SessionState>((set) => ({
  status: 'idle',
  me: null,
  error: null,
  async load() {
    if (!hasSession()) {
      set({ status: 'login', me: null, error: null })
      return
    }
    set((s) => ({ status: s.me ? s.status : 'loading', error: null }))
    try {
      const me = await callApi('whoAmI', {})
      set({ status: 'ready', me, error: null })
    } catch (e) {
      const error = toApiError(e)
      if (error.code === 'UNAUTHENTICATED') set({ status: 'login', me: null, error: null })
      else set({ status: 'error', error })
    }
  },
  async loginAs(as) {
    await devLogin(as)
    notifyIdentityChange()
    set({ status: 'idle', me: null, error: null })
  },
  logout() {
    clearSession()
    notifyIdentityChange()
    set({ status: 'login', me: null, error: null })
  },
}))

const STAFF_ROLES: ReadonlyArray<Role> = ['clerk', 'manager', 'admin']
export const isStaff = (role: Role | undefined | null): boolean => !!role && STAFF_ROLES.includes(role)
/** Refunds, voiding a 核销 and the coupon console (the server checks again on every call). */
export const isManager = (role: Role | undefined | null): boolean => role === 'manager' || role === 'admin'

const ROLE_LABELS: Record<Role, string> = { member: '会员', clerk: '店员', manager: '店长', admin: '管理员' }
export const roleLabel = (role: Role): string => ROLE_LABELS[role] ?? role
