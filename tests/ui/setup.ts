import '@testing-library/jest-dom'
import { configure } from '@testing-library/react'
import { __taro } from './taro-mock'

// The app reads process.env.TARO_ENV at call time: the jsdom suite is the H5 build.
process.env.TARO_ENV = 'h5'

// Two cores running several jest workers: give findBy/waitFor more than the default 1 s before failing.
configure({ asyncUtilTimeout: 5000 })

afterEach(() => {
  __taro.reset()
  window.sessionStorage.clear() // the H5 identity storage (token, cached card)
  jest.clearAllMocks()
})

// Known warnings from NutUI's UMD bundle (third-party, harmless in jsdom) would drown real ones: drop just
// those. Installed at load time because one of them fires while the test file imports NutUI.
// NutUI's Dialog animates through react-transition-group, which still calls findDOMNode.
const KNOWN_THIRD_PARTY = [/forwardRef render functions accept exactly two parameters/, /Unsupported style property.*-webkitMask/, /findDOMNode is deprecated/]
const originalError = console.error.bind(console)
// Likewise Taro's Stencil <taro-input-core> logs a TypeError when its value changes in jsdom, where Stencil never
// rendered its inner <input> (jsdom has no layout pass): it only concerns that inner element.
const isStencilInputNoise = (a: unknown) => a instanceof Error && /taro-input-core/.test(a.stack ?? '')
console.error = (...args: unknown[]) => {
  const text = args.map(String).join(' ')
  if (KNOWN_THIRD_PARTY.some((re) => re.test(text)) || isStencilInputNoise(args[0])) return
  originalError(...args)
}
