import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

/**
 * Loads when the component mounts and again every time its page comes back on screen (back from an editor shows
 * what was saved). A show hook alone is not enough for a component mounted after its page's first show, e.g.
 * behind the manager gate, which answers after the session loads: it would never load (seen in an H5 build
 * opened by URL).
 */
export function useLoadOnShow(load: () => unknown): void {
  const mounted = useRef(false)
  const latest = useRef(load)
  latest.current = load
  useDidShow(() => {
    if (mounted.current) void latest.current()
  })
  useEffect(() => {
    mounted.current = true
    void latest.current()
  }, [])
}
