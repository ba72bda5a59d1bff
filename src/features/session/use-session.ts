import { useCallback } from 'react'
import { useSessionStore } from './store'

/** The current identity, (re)loaded each time the page shows (roles can change between visits). */
export function useSession() {
  const status = useSessionStore((s) => s.status)
  const me = useSessionStore((s) => s.me)
  const error = useSessionStore((s) => s.error)
  const load = useSessionStore((s) => s.load)
  const logout = useSessionStore((s) => s.logout)
  const reload = useCallback(() => load(), [load])
  return { status, me, error, reload, logout }
}
