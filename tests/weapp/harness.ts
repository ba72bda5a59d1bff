/**
 * Runs the BUILT weapp (dist/weapp, from `taro build --type weapp`) under miniprogram-simulate.
 *
 * Only WeChat itself is fake: `wx.*` (cloud, storage, screen brightness, network, navigation, toasts…) and the
 * mini-program globals a real WeChat base library provides (App, getApp, Page, getCurrentPages). Everything else is
 * the real compiled output: app.js with its webpack chunks (runtime, taro, vendors with React, common), the page's
 * own js (for a subpackage page: packages/<root>/pages/…/index.js, which first requires its subpackage's
 * sub-common chunks, as WeChat does when it loads the subpackage), base.wxml/utils.wxs compiled by WeChat's own
 * wxml compiler (miniprogram-compiler's wcc), the recursive `comp` component, and native components as copied
 * into dist.
 *
 * One harness, and one page, per test file: miniprogram-simulate's load() works once per file under jest, and the
 * app's zustand stores are module singletons, so each scenario that needs a fresh app gets its own file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { OPERATION_GROUPS } from '../../src/contract/groups'

/** The build under test; WEAPP_DIST points elsewhere (e.g. a hand-broken copy, to check that the tests can fail). */
export const DIST = process.env.WEAPP_DIST ? path.resolve(process.env.WEAPP_DIST) : path.resolve(__dirname, '../../dist/weapp')
export const CARD_PAGE = 'pages/card/index'
/** Subpackage pages (app.json subPackages): packages/staff and packages/member. */
export const TILL_PAGE = 'packages/staff/pages/till/index'
export const OPEN_CARD_PAGE = 'packages/member/pages/open-card/index'

/** What the fake cloud answers per operation: the `result` of wx.cloud.callFunction, or a thrown error. */
export type CloudHandler = (input: unknown) => unknown
/** One call as the cloud function received it: `{ name: group, data: { op, input } }`. */
export interface CloudCall {
  /** The cloud function called: the operation's group (member, staff). */
  group: string
  /** The operation (`data.op`). */
  name: string
  /** Its input (`data.input`). */
  data: unknown
}

/** The functions build:cloud deploys (one per group) and the operations each serves, from the contract's map. */
const DEPLOYED_GROUPS = new Set<string>(Object.values(OPERATION_GROUPS))

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
  /** Handlers by operation; an operation without one rejects like a crashed function does. */
  cloud: Record<string, CloudHandler>
  calls: CloudCall[]
  callsTo: (name: string) => number
  /** Every value passed to wx.setScreenBrightness. */
  brightness: number[]
  storage: Map<string, unknown>
  /** Warnings from WeChat's wxml runtime, e.g. "Template `tmpl_0_div` not found" (the node renders as nothing). */
  wxmlWarnings: string[]
  /** Every url passed to wx.navigateTo / wx.switchTab / wx.redirectTo / wx.reLaunch, and each wx.navigateBack. */
  navigations: Array<{ api: 'navigateTo' | 'switchTab' | 'redirectTo' | 'reLaunch' | 'navigateBack'; url?: string }>
  /** Every title passed to wx.showToast. */
  toasts: string[]
  /** Every text passed to wx.setClipboardData. */
  clipboard: string[]
  /** The page this harness loaded (one per test file). */
  route: string
  /** Renders the compiled page, attaches it and runs onLoad + onShow like WeChat does on navigation. */
  openPage: (route?: string, query?: Record<string, string>) => Rendered
  closePage: () => void
}

export interface WeappOptions {
  /** The page to load, e.g. TILL_PAGE; the card page by default. */
  page?: string
}

function check(dir: string, page: string) {
  const needed = ['app.js', 'app.json', 'runtime.js', 'taro.js', 'vendors.js', 'common.js', 'base.wxml', 'utils.wxs', 'comp.js', `${page}.js`, `${page}.json`, `${page}.wxml`]
  const missing = needed.filter((f) => !fs.existsSync(path.join(dir, f)))
  if (missing.length) {
    throw new Error(`dist/weapp is incomplete (${missing.join(', ')} missing): run \`npm run test:weapp\`, which builds it first`)
  }
  // WeChat only opens a page app.json declares: a main-package page in `pages`, a subpackage page under its root.
  const appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages?: Array<{ root: string; pages: string[] }>
    subpackages?: Array<{ root: string; pages: string[] }>
  }
  const subPackages = appJson.subPackages ?? appJson.subpackages ?? []
  const declared = [...appJson.pages, ...subPackages.flatMap((sp) => sp.pages.map((p) => `${sp.root}/${p}`))]
  if (!declared.includes(page)) throw new Error(`app.json does not declare ${page} (declared: ${declared.join(', ')})`)
  // Node's require would happily load any file; WeChat lets a page's code reach only the main package and its own
  // subpackage. So every file the page requires must be in one of those two (e.g. not another subpackage's chunks).
  const rootOf = (file: string) => subPackages.find((sp) => file.startsWith(`${sp.root.replace(/\/$/, '')}/`))?.root ?? null
  const own = rootOf(page)
  const pageJs = fs.readFileSync(path.join(dir, `${page}.js`), 'utf8')
  for (const [, spec] of pageJs.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    const target = path.relative(dir, path.resolve(path.dirname(path.join(dir, page)), spec)).split(path.sep).join('/')
    const theirs = rootOf(target)
    if (target.startsWith('..') || (theirs !== null && theirs !== own)) {
      throw new Error(`${page}.js requires ${spec} (${target}), which WeChat would not load for ${own ? `subpackage ${own}` : 'the main package'}`)
    }
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

export function createWeapp(options: WeappOptions = {}): WeappHarness {
  const route = options.page ?? CARD_PAGE
  check(DIST, route)
  const h: WeappHarness = {
    cloud: {},
    calls: [],
    callsTo: (name) => h.calls.filter((c) => c.name === name).length,
    brightness: [],
    storage: new Map(),
    wxmlWarnings: [],
    navigations: [],
    toasts: [],
    clipboard: [],
    route,
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
      // Deployed are only the group functions; each answers UNKNOWN_FUNCTION to an operation of another group.
      callFunction: asyncApi(({ name, data }: { name: string; data: { op?: unknown; input?: unknown } }) => {
        if (!DEPLOYED_GROUPS.has(name)) throw { errCode: -501000, errMsg: `cloud.callFunction:fail FunctionName parameter could not be found (${name})` }
        const op = String(data?.op)
        h.calls.push({ group: name, name: op, data: data?.input })
        if ((OPERATION_GROUPS as Record<string, string>)[op] !== name) return { result: { ok: false, error: { code: 'UNKNOWN_FUNCTION', message: '不支持的操作' } }, requestID: `req-${h.calls.length}`, errMsg: 'cloud.callFunction:ok' }
        const handler = h.cloud[op]
        if (!handler) throw { errCode: -504002, errMsg: `cloud.callFunction:fail no handler in this test for ${op}` }
        return { result: handler(data.input), requestID: `req-${h.calls.length}`, errMsg: 'cloud.callFunction:ok' }
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
    showToast: asyncApi(({ title }: { title: string }) => {
      h.toasts.push(title)
      return { errMsg: 'showToast:ok' }
    }),
    vibrateShort: asyncApi(() => ({ errMsg: 'vibrateShort:ok' })),
    setClipboardData: asyncApi(({ data }: { data: string }) => {
      h.clipboard.push(data)
      return { errMsg: 'setClipboardData:ok' }
    }),
    // Navigation is recorded, not performed: each test file renders one page.
    navigateTo: asyncApi(({ url }: { url: string }) => {
      h.navigations.push({ api: 'navigateTo', url })
      return { errMsg: 'navigateTo:ok' }
    }),
    redirectTo: asyncApi(({ url }: { url: string }) => {
      h.navigations.push({ api: 'redirectTo', url })
      return { errMsg: 'redirectTo:ok' }
    }),
    reLaunch: asyncApi(({ url }: { url: string }) => {
      h.navigations.push({ api: 'reLaunch', url })
      return { errMsg: 'reLaunch:ok' }
    }),
    switchTab: asyncApi(({ url }: { url: string }) => {
      h.navigations.push({ api: 'switchTab', url })
      return { errMsg: 'switchTab:ok' }
    }),
    navigateBack: asyncApi(() => {
      h.navigations.push({ api: 'navigateBack' })
      return { errMsg: 'navigateBack:ok' }
    }),
  }
  // miniprogram-simulate installs its generic wx stub on require and keeps what is already on global.wx on top.
  g.wx = fakeWx
  const simulate = require('miniprogram-simulate')
  const jComponent = require('j-component')
  // Its built-in <image> has no properties, so `src` would be dropped: give it WeChat's two that we read.
  jComponent.register({ id: 'image', tagName: 'wx-image', properties: { src: { type: String, value: '' }, mode: { type: String, value: '' } }, template: '<slot/>' })
  // Likewise <button> and <input>: WeChat's properties the tests read (see `props`), e.g. the phone button's
  // open-type, a controlled input's value, a busy button's disabled/loading.
  jComponent.register({
    id: 'button',
    tagName: 'wx-button',
    properties: { type: { type: String, value: '' }, size: { type: String, value: 'default' }, openType: { type: String, value: '' }, disabled: { type: Boolean, value: false }, loading: { type: Boolean, value: false } },
    template: '<slot/>',
  })
  jComponent.register({
    id: 'input',
    tagName: 'wx-input',
    properties: { value: { type: String, value: '' }, type: { type: String, value: 'text' }, placeholder: { type: String, value: '' }, maxlength: { type: Number, value: 140 }, disabled: { type: Boolean, value: false } },
    template: '<slot/>',
  })

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
  // Launched on the page under test (e.g. a clerk opening the till from a shortcut), as WeChat does for any page.
  const launch = { path: route, query: {}, scene: 1001, referrerInfo: {} }
  app.onLaunch?.(launch)
  app.onShow?.(launch)
  expect(fakeWx.cloud.init).toHaveBeenCalledTimes(1) // src/app.tsx: cloud init before any page calls the API

  const pageId: string = simulate.load(path.join(DIST, route), { rootPath: DIST })
  if (!pageId) throw new Error(`miniprogram-simulate could not load the compiled page ${route}`)

  function openPage(target = route, query: Record<string, string> = {}): Rendered {
    if (target !== route) throw new Error(`only ${route} is loaded (one page per test file)`)
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

/**
 * Fires a WeChat component event on a rendered element, the way the base library does when the user acts: for
 * an element inside a Taro page that is a `bind<event>="eh"` on its template node, so Taro's event handler gets
 * `{ type, detail, target, currentTarget }` with the node's id/data-sid and dispatches it to React.
 * (miniprogram-simulate's own dispatchEvent needs a j-component wrapper, which its querySelector only finds in the
 * page's own shadow tree: Taro renders deep nodes inside nested `comp` components.)
 */
export function fire(el: Element | null | undefined, type: string, detail: Record<string, unknown> = {}): Promise<void> {
  if (!el) throw new Error(`fire(${type}): no element to fire it on (not rendered?)`)
  const wxElement = (el as any).__wxElement
  if (!wxElement) throw new Error(`fire(${type}): <${el.tagName.toLowerCase()}> is not a rendered mini-program node`)
  const exparser = require('miniprogram-exparser')
  // Asynchronous like a real event (and like miniprogram-simulate's dispatchEvent).
  return Promise.resolve().then(() => {
    const original = new CustomEvent(type, { detail })
    el.dispatchEvent(original)
    exparser.Event.dispatchEvent(wxElement, exparser.Event.create(type, detail, { originalEvent: original, bubbles: true, capturePhase: true, composed: true, extraFields: { touches: {}, changedTouches: {} } }))
  })
}

/**
 * The properties WeChat's built-in component got from the template (e.g. a button's `openType`, an input's
 * `value`), for the <button>/<input>/<image> this harness registers with properties.
 */
export function props(el: Element | null | undefined): Record<string, unknown> {
  const data = (el as any)?.__wxElement?.data
  if (!data) throw new Error('props(): not a rendered mini-program node')
  return data
}

/** A tap where WeChat delivers it: on the element under the finger; it bubbles from there. */
export const tap = (el: Element | null | undefined) => fire(el, 'tap', { x: 10, y: 10 })

/** What WeChat sends an <input> when the user types: `bindinput` with the whole new value. */
export const typeInto = (input: Element | null | undefined, value: string) => fire(input, 'input', { value, cursor: value.length, keyCode: 0 })

/** Every rendered <button> of the page with its visible label (an element without a template shows nothing). */
export const buttonLabels = (root: HTMLElement) => Array.from(root.querySelectorAll('wx-button')).map((b) => b.textContent ?? '')

/**
 * The innermost element of the <button> labelled `label` that holds the label (what a finger on the text hits):
 * NutUI's Button puts it in nested views inside WeChat's <button>. Null when no button shows that label.
 */
export function buttonLabelled(root: HTMLElement, label: string): Element | null {
  const button = Array.from(root.querySelectorAll('wx-button')).find((b) => b.textContent === label)
  if (!button) return null
  let target: Element = button
  for (;;) {
    const inner = Array.from(target.children).find((c) => c.textContent === label)
    if (!inner) return target
    target = inner
  }
}

/** The rendered <button> itself labelled `label` (its properties: disabled, loading, openType…). */
export const buttonNamed = (root: HTMLElement, label: string) => Array.from(root.querySelectorAll('wx-button')).find((b) => b.textContent === label) ?? null

/**
 * Elements with this class in the rendered page. miniprogram-simulate prefixes classes with the owning component's
 * tag: `main--` in the page itself, `comp--` inside the nested `comp` components Taro uses for deep subtrees.
 */
export const allByClass = (root: Element, name: string) => Array.from(root.querySelectorAll(`.main--${name}, .comp--${name}`))
export const textOf = (root: Element, name: string) => allByClass(root, name)[0]?.textContent ?? null

/**
 * The <input> of the TextField (src/components/text-field) labelled `label`. On weapp Taro drops React's
 * data-testid (its templates bind only data-sid), so fields are found by their visible label, as a user does.
 */
export function fieldInput(root: HTMLElement, label: string): Element | null {
  const field = allByClass(root, 'text-field').find((f) => allByClass(f, 'text-field__label')[0]?.textContent === label)
  return field?.querySelector('wx-input') ?? null
}
