// jsdom (the ui project): what the H5 build does when a page's code cannot be loaded, e.g. offline.
import Taro from '@tarojs/taro'
import { go, routes } from './nav'
import { guardPageLoads, isChunkLoadError, PAGE_LOAD_FAILED } from './page-load'

type Config = { routes: Array<{ path: string; load: () => [Promise<unknown>] }> }
const setRoutes = (routesConfig: Config['routes']) => {
  ;(window as unknown as { __taroAppConfig?: Config }).__taroAppConfig = { routes: routesConfig }
}
const chunkError = () => Object.assign(new Error('Loading chunk 812 failed.\n(error: http://127.0.0.1/js/812.js)'), { name: 'ChunkLoadError' })
const settle = () => new Promise((r) => setTimeout(r, 0))

afterEach(() => {
  delete (window as unknown as { __taroAppConfig?: Config }).__taroAppConfig
})

describe('opening a page whose code cannot be loaded (H5, offline)', () => {
  it('says so and stays where it is, instead of a silent half switch', async () => {
    setRoutes([{ path: 'packages/member/pages/points/index', load: () => [Promise.reject(chunkError())] }])
    go(routes.points)
    await settle()
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: PAGE_LOAD_FAILED }))
  })

  it('navigates once the code is there', async () => {
    setRoutes([{ path: 'packages/member/pages/points/index', load: () => [Promise.resolve({})] }])
    go(routes.points)
    await settle()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.points })
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('a tab bar tap that fails to load: a message, and the tab bar goes back to the page on screen', async () => {
    guardPageLoads()
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'pages/card/index' }])
    const event = Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason: chunkError() })
    window.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: PAGE_LOAD_FAILED }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/card/index' })

    // Any other rejection is none of its business.
    const other = Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason: new Error('boom') })
    window.dispatchEvent(other)
    expect(other.defaultPrevented).toBe(false)
  })

  it('recognises webpack chunk errors', () => {
    expect(isChunkLoadError(chunkError())).toBe(true)
    expect(isChunkLoadError(new Error('Loading CSS chunk 3 failed.\n(/css/3.css)'))).toBe(true)
    expect(isChunkLoadError(new Error('request:fail'))).toBe(false)
    expect(isChunkLoadError(null)).toBe(false)
  })
})
