// The native custom component used on weapp (src/components/member-code-native), declared for JSX.
import 'react'

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'member-code-native': {
        qr: string
        barcode: string
        digits: string
        countdown: string
        stale: boolean
        loading: boolean
        error: string
        onRefresh: () => void
        onCopy: () => void
      }
    }
  }
}
