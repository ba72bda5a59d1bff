import { useEffect } from 'react'
import { onNetworkBack } from '../../services/network'

/** While a page shows an offline error, reload by itself when the network comes back (besides its 重试 button). */
export function useRetryWhenOnline(offline: boolean, reload: () => void): void {
  useEffect(() => {
    if (!offline) return undefined
    return onNetworkBack(() => reload())
  }, [offline, reload])
}
