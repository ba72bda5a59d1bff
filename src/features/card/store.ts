import { create } from 'zustand'
import type { CardView } from '../../contract/card'
import { ApiError, callApi, hasSession, toApiError } from '../../services/api'
import { readIdentityStored as readStored, removeIdentityStored as removeStored, writeIdentityStored as writeStored } from '../../services/storage'
import { onIdentityChange } from '../session/store'

export type CardStatus = 'idle' | 'loading' | 'ready' | 'login' | 'no-card' | 'error'

interface CardState {
  status: CardStatus
  card: CardView | null
  /** The card shown is the last one stored, because the network is down. */
  offline: boolean
  error: ApiError | null
  /** Just opened here: the card page greets the new member once (instead of a toast that flashes by). */
  welcome: boolean
  load: () => Promise<void>
  /** After 开卡: show the new card at once, without waiting for a reload. */
  setCard: (card: CardView, opts?: { welcome?: boolean }) => void
  dismissWelcome: () => void
  reset: () => void
}

const CACHE_KEY = 'mc.card.v1'

export const useCardStore = create<CardState>((set, get) => ({
  status: 'idle',
  card: null,
  offline: false,
  error: null,
  welcome: false,
  async load() {
    if (!hasSession()) {
      set({ status: 'login', card: null, offline: false, error: null })
      return
    }
    // Keep showing the card we have while refreshing: no flash of a spinner on every tab switch.
    if (!get().card) set({ status: 'loading', error: null })
    try {
      const { card } = await callApi('getMyCard', {})
      writeStored(CACHE_KEY, card)
      set({ status: 'ready', card, offline: false, error: null })
    } catch (e) {
      const error = toApiError(e)
      if (error.code === 'UNAUTHENTICATED') {
        set({ status: 'login', card: null, offline: false, error: null })
      } else if (error.code === 'NOT_A_MEMBER') {
        removeStored(CACHE_KEY)
        set({ status: 'no-card', card: null, offline: false, error: null })
      } else if (error.isOffline) {
        const cached = get().card ?? readStored<CardView>(CACHE_KEY)
        if (cached) set({ status: 'ready', card: cached, offline: true, error })
        else set({ status: 'error', offline: true, error })
      } else {
        set({ status: 'error', error, offline: false })
      }
    }
  },
  setCard(card, opts) {
    writeStored(CACHE_KEY, card)
    set({ status: 'ready', card, offline: false, error: null, welcome: Boolean(opts?.welcome) })
  },
  dismissWelcome() {
    set({ welcome: false })
  },
  reset() {
    removeStored(CACHE_KEY)
    set({ status: 'idle', card: null, offline: false, error: null, welcome: false })
  },
}))

// A new identity must never see the previous one's card, not even from the offline cache.
onIdentityChange(() => useCardStore.getState().reset())
