/**
 * Runs the BUILT weapp (dist/weapp, from `taro build --type weapp`) under miniprogram-simulate.
 *
 * Only WeChat itself is fake: `wx.*` (cloud, storage, screen brightness, network…) and the mini-program globals a
 * real WeChat base library provides (App, getApp, Page, getCurrentPages). Everything else is the real compiled
 * output: app.js with its webpack chunks (runtime, taro, vendors with React, common), pages/card/index.js,
 * base.wxml/utils.wxs compiled by WeChat's own wxml compiler (miniprogram-compiler's wcc), the recursive `comp`
 * component, and the native member-code-native component as copied into dist.
 *
 * One harness per test file: miniprogram-simulate's load() works once per file under jest, and the app's zustand
 * stores are module singletons, so each scenario that needs a fresh app gets its own file.
 */
import fs from 'node:fs'
import path from 'node:path'

/** The build under test; WEAPP_DIST points elsewhere (e.g. a hand-broken copy, to check that the tests can fail). */
export const DIST = process.env.WEAPP_DIST ? path.resolve(process.env.WEAPP_DIST) : path.resolve(__dirname, '../../dist/weapp')
export const CARD_PAGE = 'pages/card/index'

/** What the fake cloud answers per function name: the `result` of wx.cloud.callFunction, or a thrown error. */
export type CloudHandler = (data: unknown) => unknown
export interface CloudCall {
  name: string
  data: unknown
}

type AnyFn = (...args: any[]) => any
type Rendered = {
  dom: HTMLElement
  instance: Record<string, any>
  attach: (parent: Element) => void
  detach: () => void
  querySelector: (selector: string) => any
}

const g = globalThis as any

export interface WeappHarness {
  /** Cloud function handlers by name; a name without a handler rejects like a missing function does. */
  cloud: Record<string, CloudHandler>
  calls: CloudCall[]
  callsTo: (name: string) => number
  /** Every value passed to wx.setScreenBrightness. */
  brightness: number[]
  storage: Map<string, unknown>
  /** Warnings from WeChat's wxml runtime, e.g. "Template `tmpl_0_div` not found" (the node renders as nothing). */
  wxmlWarnings: string[]
  /** Renders the compiled card page, attaches it and runs onLoad + onShow like WeChat does on navigation. */
  openPage: (route?: string, query?: Record<string, string>) => Rendered
  closePage: () => void
}

function check(dir: string) {
  const needed = ['app.js', 'app.json', 'runtime.js', 'taro.js', 'vendors.js', 'common.js', 'base.wxml', 'utils.wxs', 'comp.js', `${CARD_PAGE}.js`, `${CARD_PAGE}.json`, `${CARD_PAGE}.wxml`]
  const missing = needed.filter((f) => !fs.existsSync(path.join(dir, f)))
  if (missing.length) {
    throw new Error(`dist/weapp is incomplete (${missing.join(', ')} missing): run \`npm run test:weapp\`, which builds it first`)
  }
}

/** A WeChat async API: callbacks like the real one, and a promise when no callback is given (base library ≥ 2.10). */
function asyncApi<T>(impl: (opts: any) => T | Promise<T>): AnyFn {
  return (opts: any = {}) => {
    const run = Promise.resolve().then(() => impl(opts))
    const done = run.then(
      (res) => {
        opts.success?.(res)
        opts.complete?.(res)
        return res
      },
      (err) => {
        opts.fail?.(err)
        opts.complete?.(err)
        throw err
      },
    )
    if (opts.success || opts.fail || opts.complete) {
      done.catch(() => undefined)
      return undefined
    }
    return done
  }
}

export function createWeapp(): WeappHarness {
  check(DIST)
  const h: WeappHarness = {
    cloud: {},
    calls: [],
    callsTo: (name) => h.calls.filter((c) => c.name === name).length,
    brightness: [],
    storage: new Map(),
    wxmlWarnings: [],
    openPage,
    closePage,
  }

  // WeChat's wxml runtime reports a missing template with console.warn and renders nothing in its place.
  const warn = console.warn.bind(console)
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(' ')
    if (text.startsWith('WXMLRT')) h.wxmlWarnings.push(text)
    else warn(...args)
  })

  let screen = 0.5
  const fakeWx = {
    cloud: {
      init: jest.fn(),
      callFunction: asyncApi(({ name, data }: { name: string; data: unknown }) => {
        h.calls.push({ name, data })
        const handler = h.cloud[name]
        if (!handler) throw { errCode: -501000, errMsg: `cloud.callFunction:fail FunctionName parameter could not be found (${name})` }
        return { result: handler(data), requestID: `req-${h.calls.length}`, errMsg: 'cloud.callFunction:ok' }
      }),
    },
    getStorageSync: (key: string) => (h.storage.has(key) ? h.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void h.storage.set(key, value),
    removeStorageSync: (key: string) => void h.storage.delete(key),
    getScreenBrightness: asyncApi(() => ({ value: screen, errMsg: 'getScreenBrightness:ok' })),
    setScreenBrightness: asyncApi(({ value }: { value: number }) => {
      h.brightness.push(value)
      screen = value
      return { errMsg: 'setScreenBrightness:ok' }
    }),
    setKeepScreenOn: asyncApi(() => ({ errMsg: 'setKeepScreenOn:ok' })),
    getNetworkType: asyncApi(() => ({ networkType: 'wifi', errMsg: 'getNetworkType:ok' })),
    onNetworkStatusChange: jest.fn(),
    offNetworkStatusChange: jest.fn(),
    getSystemInfoSync: () => ({ platform: 'devtools', system: 'iOS 17', windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, SDKVersion: '3.4.0', version: '8.0.50', language: 'zh_CN' }),
    showToast: asyncApi(() => ({ errMsg: 'showToast:ok' })),
    vibrateShort: asyncApi(() => ({ errMsg: 'vibrateShort:ok' })),
    navigateTo: asyncApi(() => ({ errMsg: 'navigateTo:ok' })),
    switchTab: asyncApi(() => ({ errMsg: 'switchTab:ok' })),
  }
  // miniprogram-simulate installs its generic wx stub on require and keeps what is already on global.wx on top.
  g.wx = fakeWx
  const simulate = require('miniprogram-simulate')
  const jComponent = require('j-component')
  // Its built-in <image> has no properties, so `src` would be dropped: give it WeChat's two that we read.
  jComponent.register({ id: 'image', tagName: 'wx-image', properties: { src: { type: String, value: '' }, mode: { type: String, value: '' } }, template: '<slot/>' })

  // The base library's globals. Page() becomes a custom component definition (what miniprogram-simulate renders);
  // its lifecycle methods stay callable on the instance, and the test calls them in WeChat's order.
  let app: Record<string, AnyFn> | undefined
  let page: Rendered | null = null
  g.App = (options: Record<string, AnyFn>) => {
    app = options
  }
  g.getApp = () => app
  g.getCurrentPages = () => (page ? [page.instance] : [])
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, AnyFn> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value as AnyFn
    g.Component({ data: (options.data as object) ?? {}, methods })
  }

  require(path.join(DIST, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  const launch = { path: CARD_PAGE, query: {}, scene: 1001, referrerInfo: {} }
  app.onLaunch?.(launch)
  app.onShow?.(launch)
  expect(fakeWx.cloud.init).toHaveBeenCalledTimes(1) // src/app.tsx: cloud init before any page calls the API

  const pageId: string = simulate.load(path.join(DIST, CARD_PAGE), { rootPath: DIST })
  if (!pageId) throw new Error('miniprogram-simulate could not load the compiled card page')

  function openPage(route = CARD_PAGE, query: Record<string, string> = {}): Rendered {
    if (route !== CARD_PAGE) throw new Error(`only ${CARD_PAGE} is loaded`)
    closePage()
    const rendered = simulate.render(pageId) as Rendered
    rendered.instance.route = route
    rendered.instance.__route__ = route
    rendered.attach(document.createElement('parent-wrapper'))
    page = rendered
    rendered.instance.onLoad(query)
    rendered.instance.onShow()
    rendered.instance.onReady?.()
    return rendered
  }

  function closePage() {
    if (!page) return
    const current = page
    page = null
    current.instance.onHide?.()
    current.instance.onUnload?.()
    current.detach()
  }

  return h
}

/** Polls until `probe` returns a truthy value (or stops throwing); fails with the last reason after `timeoutMs`. */
export async function waitFor<T>(probe: () => T, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const start = Date.now()
  let last: unknown
  for (;;) {
    try {
      const value = probe()
      if (value) return value as NonNullable<T>
      last = undefined
    } catch (e) {
      last = e
    }
    if (Date.now() - start > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message ?? last}` : ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The element with this data-testid in the rendered page (through nested custom components). */
export const byTestId = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
