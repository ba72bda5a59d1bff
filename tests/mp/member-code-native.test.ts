/**
 * The weapp member code (src/components/member-code-native) under miniprogram-simulate: the real wxml/js/wxss
 * from the source folder, fed with the same images and digits the card page computes (memberCodeImages,
 * groupDigits), rendered, attached, and tapped.
 */
import path from 'node:path'
import jComponent from 'j-component'
import simulate from 'miniprogram-simulate'
import { memberCodeImages } from '../../src/features/member-code/encode'
import { countdownText, groupDigits, staleText } from '../../src/features/member-code/view-model'

const CODE = '123456789012345678901234'
let componentId: string

beforeAll(() => {
  // miniprogram-simulate registers the built-in <image> with no properties, so `src` would be dropped. Give the
  // stand-in the two properties WeChat's <image> has that we use, so the test can read what the wxml bound.
  jComponent.register({
    id: 'image',
    tagName: 'wx-image',
    properties: { src: { type: String, value: '' }, mode: { type: String, value: '' } },
    template: '<slot/>',
  })
  // One load per file: a second simulate.load() in the same file returns undefined under jest.
  componentId = simulate.load(path.resolve(__dirname, '../../src/components/member-code-native/index'))
})

function renderCode(props: Record<string, unknown>) {
  const comp = simulate.render(componentId, props)
  const parent = document.createElement('parent-wrapper')
  comp.attach(parent)
  return comp
}

type Rendered = ReturnType<typeof simulate.render>
const byTestId = (comp: Rendered, id: string) => comp.dom!.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
/** The `src` the wxml bound on an <image>, or null when the image is not rendered. */
const imageSrc = (comp: Rendered, selector: string): string | null => {
  const node = comp.querySelector(selector)
  return node ? (node.data as { src: string }).src : null
}

describe('member-code-native', () => {
  it('renders the QR and barcode images and the grouped digits', () => {
    const images = memberCodeImages(CODE)
    const comp = renderCode({ qr: images.qr, barcode: images.barcode, digits: groupDigits(CODE), countdown: countdownText(58) })

    expect(byTestId(comp, 'member-code-qr')).not.toBeNull()
    expect(byTestId(comp, 'member-code-barcode')).not.toBeNull()
    // Compared as booleans: a mismatch should not print two multi-kilobyte data URIs.
    expect(imageSrc(comp, '.mc-qr') === images.qr).toBe(true)
    expect(imageSrc(comp, '.mc-barcode') === images.barcode).toBe(true)
    expect(images.qr.startsWith('data:image/svg+xml;base64,')).toBe(true)
    expect(byTestId(comp, 'member-code-digits')?.textContent).toBe('1234 5678 9012 3456 7890 1234')
    expect(comp.dom!.textContent).toContain('58 秒后自动刷新')
    expect(byTestId(comp, 'member-code-error')).toBeNull()
  })

  it('reports a tap on 刷新 as a refresh event for the page', async () => {
    const images = memberCodeImages(CODE)
    const comp = renderCode({ qr: images.qr, barcode: images.barcode, digits: groupDigits(CODE), countdown: '' })
    // The page listens with bindrefresh (Taro's onRefresh); what reaches it is this triggerEvent.
    const triggerEvent = jest.spyOn(comp.instance, 'triggerEvent')

    const refresh = comp.querySelector('.mc-refresh')
    expect(refresh).toBeTruthy()
    refresh!.dispatchEvent('tap')
    await simulate.sleep(0)
    expect(triggerEvent).toHaveBeenCalledTimes(1)
    expect(triggerEvent).toHaveBeenCalledWith('refresh', {}, {})
  })

  it('shows the error instead of images when the code could not be loaded', async () => {
    const comp = renderCode({ qr: '', barcode: '', digits: '', countdown: '', error: '网络连接失败，请检查网络后重试' })
    expect(byTestId(comp, 'member-code-qr')).toBeNull()
    expect(byTestId(comp, 'member-code-error')?.textContent).toBe('网络连接失败，请检查网络后重试')

    // New data from the page replaces the error with the code.
    const images = memberCodeImages(CODE)
    comp.setData({ qr: images.qr, barcode: images.barcode, digits: groupDigits(CODE), error: '' })
    await simulate.sleep(0)
    expect(imageSrc(comp, '.mc-qr') === images.qr).toBe(true)
    expect(byTestId(comp, 'member-code-error')).toBeNull()
  })

  it('shows 会员码加载中… and no images while loading, even if old images are still bound', async () => {
    const images = memberCodeImages(CODE)
    // The page dropped a stale code and is fetching a new one: whatever images are still bound must not show.
    const comp = renderCode({ qr: images.qr, barcode: images.barcode, digits: groupDigits(CODE), countdown: '', loading: true })
    expect(byTestId(comp, 'member-code-qr')).toBeNull()
    expect(byTestId(comp, 'member-code-barcode')).toBeNull()
    expect(byTestId(comp, 'member-code-digits')).toBeNull()
    expect(byTestId(comp, 'member-code-loading')?.textContent).toBe('会员码加载中…')

    // The new code arrives: images, no placeholder.
    comp.setData({ loading: false })
    await simulate.sleep(0)
    expect(imageSrc(comp, '.mc-qr') === images.qr).toBe(true)
    expect(byTestId(comp, 'member-code-loading')).toBeNull()
  })

  it('an error wins over loading', () => {
    const comp = renderCode({ qr: '', barcode: '', digits: '', countdown: '', loading: true, error: '系统繁忙，请稍后再试' })
    expect(byTestId(comp, 'member-code-error')?.textContent).toBe('系统繁忙，请稍后再试')
    expect(byTestId(comp, 'member-code-loading')).toBeNull()
  })

  it('reports a tap on 复制 as a copy event, and offers no 复制 without a code', async () => {
    const images = memberCodeImages(CODE)
    const comp = renderCode({ qr: images.qr, barcode: images.barcode, digits: groupDigits(CODE), countdown: '' })
    const triggerEvent = jest.spyOn(comp.instance, 'triggerEvent')
    comp.querySelector('.mc-copy')!.dispatchEvent('tap')
    await simulate.sleep(0)
    expect(triggerEvent).toHaveBeenCalledWith('copy', {}, {})

    const empty = renderCode({ qr: '', barcode: '', digits: '', countdown: '', error: '网络连接失败，请检查网络后重试' })
    expect(byTestId(empty, 'member-code-copy')).toBeNull()
  })

  it('a tap on the code shows it full screen, a tap anywhere closes it, and it closes when the code goes away', async () => {
    const images = memberCodeImages(CODE)
    const comp = renderCode({ qr: images.qr, barcode: images.barcode, digits: groupDigits(CODE), countdown: '' })
    expect(byTestId(comp, 'member-code-big')).toBeNull()
    comp.querySelector('.mc-tap')!.dispatchEvent('tap')
    await simulate.sleep(0)
    expect(byTestId(comp, 'member-code-big')?.textContent).toContain('1234 5678 9012 3456 7890 1234')
    expect(imageSrc(comp, '.mc-big-qr') === images.qr).toBe(true)
    comp.querySelector('.mc-big')!.dispatchEvent('tap')
    await simulate.sleep(0)
    expect(byTestId(comp, 'member-code-big')).toBeNull()

    comp.querySelector('.mc-tap')!.dispatchEvent('tap')
    await simulate.sleep(0)
    comp.setData({ error: '会员码已失效' })
    await simulate.sleep(0)
    expect(byTestId(comp, 'member-code-big')).toBeNull()
  })

  it('marks a code kept while offline and says how long the till still accepts it', () => {
    const images = memberCodeImages(CODE)
    const comp = renderCode({ qr: images.qr, barcode: images.barcode, digits: groupDigits(CODE), countdown: staleText(75), stale: true })
    expect(byTestId(comp, 'member-code-digits')?.textContent).toBe('1234 5678 9012 3456 7890 1234')
    expect(byTestId(comp, 'member-code-countdown')?.textContent).toBe('网络不可用 · 此码 75 秒内仍可使用')
    expect(comp.querySelector('.mc--stale')).toBeTruthy()
  })
})
