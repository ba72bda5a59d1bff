/**
 * The BUILT card page (dist/weapp/pages/card/index) in the mini-program runtime, for a member with a card: the
 * compiled React page renders through Taro's base.wxml templates, hands the code to the native member-code
 * component, and that component's 刷新 reaches back into the page. Only wx.* is fake (see ./harness).
 */
import { cardView } from '../../src/contract'
import { aCard, tiers } from '../ui/fixtures'
import { memberCodeImages } from '../../src/features/member-code/encode'
import { createWeapp, waitFor, type WeappHarness } from './harness'

const CODES = ['123456789012345678901234', '987654321098765432109876']

// Parsed by the contract, so the fake cloud answers exactly what the real one may.
const card = cardView.parse(
  aCard({ tier: tiers.gold, nextTier: tiers.diamond, growthToNext: 2800, spendToNextFen: 280_000, pointsBalance: 4321, growth: 2200, storeName: '静安店' }),
)

let weapp: WeappHarness
let issued = 0

beforeAll(() => {
  weapp = createWeapp()
  weapp.cloud.whoAmI = () => ({ ok: true, data: { role: 'member', hasCard: true, nickname: '小林', staffName: null } })
  weapp.cloud.getMyCard = () => ({ ok: true, data: { card } })
  weapp.cloud.getMemberCode = () => {
    const code = CODES[issued % CODES.length]
    issued += 1
    const now = Date.now()
    // Next refresh in 60 s: no automatic refresh can happen during the test, so every extra call is the tap's.
    return { ok: true, data: { code, issuedAt: new Date(now).toISOString(), refreshAt: new Date(now + 60_000).toISOString() } }
  }
})

afterAll(() => weapp?.closePage())

/** miniprogram-simulate prefixes classes with the owning component's tag: the page is `main`. */
const text = (root: HTMLElement, cls: string) => root.querySelector(`.main--${cls}`)?.textContent ?? null
/** The `src` the wxml bound on an <image> of the member-code component, or null when it is not rendered. */
/**
 * The page's <member-code-native> (the native component from dist/components/member-code-native) as a
 * miniprogram-simulate component: found in the rendered DOM, then selected by the id Taro's template gives it.
 */
const memberCodeOf = (page: ReturnType<WeappHarness['openPage']>) => {
  const sid = page.dom.querySelector('member-code-native')?.getAttribute('data-sid')
  return sid ? page.querySelector(`#${sid}`) : null
}
const imageSrc = (memberCode: { querySelector: (s: string) => any }, cls: string): string | null => {
  const node = memberCode.querySelector(cls)
  return node ? (node.data as { src: string }).src : null
}

describe('built weapp card page', () => {
  it('renders the card and the native member code with the QR, the barcode and the grouped digits', async () => {
    const page = weapp.openPage()

    await waitFor(() => text(page.dom, 'card-face__tier') === '金卡', 'the tier name on the card face')
    expect(weapp.callsTo('getMyCard')).toBe(1)
    expect(text(page.dom, 'card-face__store')).toBe('静安店')
    // The first stat is 积分 (points), the second 成长值 (growth).
    const stats = Array.from(page.dom.querySelectorAll('.main--card-face__stat')).map((s) => s.textContent)
    expect(stats).toEqual(['4321积分', '2200成长值'])
    expect(text(page.dom, 'card-face__benefit')).toBe('金卡会员享 8 折')

    const memberCode = await waitFor(() => memberCodeOf(page), 'the member-code-native component')
    await waitFor(() => imageSrc(memberCode, '.mc-qr'), 'the member code QR image')
    expect(weapp.callsTo('getMemberCode')).toBe(1)

    const qr = imageSrc(memberCode, '.mc-qr')!
    const barcode = imageSrc(memberCode, '.mc-barcode')!
    expect(qr.startsWith('data:image/svg+xml;base64,')).toBe(true)
    expect(barcode.startsWith('data:image/svg+xml;base64,')).toBe(true)
    // The bundle encodes exactly what the source encoder does (compared as booleans: no kilobytes of base64 in a diff).
    const expected = memberCodeImages(CODES[0])
    expect(qr === expected.qr).toBe(true)
    expect(barcode === expected.barcode).toBe(true)
    expect(memberCode.dom.querySelector('[data-testid="member-code-digits"]')?.textContent).toBe('1234 5678 9012 3456 7890 1234')
    expect(memberCode.dom.querySelector('[data-testid="member-code-loading"]')).toBeNull()
    expect(memberCode.dom.querySelector('[data-testid="member-code-error"]')).toBeNull()
    expect(memberCode.dom.textContent).toMatch(/\d+ 秒后自动刷新/)

    // A code on screen: full brightness for the till's scanner.
    await waitFor(() => weapp.brightness.includes(1), 'wx.setScreenBrightness({ value: 1 })')

    // Every node the page rendered has a template in base.wxml (a missing one renders as nothing in WeChat).
    expect(weapp.wxmlWarnings).toEqual([])
  })

  it('a tap on the member code 刷新 asks getMemberCode again and shows the new code', async () => {
    const page = weapp.openPage()
    const memberCode = await waitFor(() => memberCodeOf(page), 'the member-code-native component')
    await waitFor(() => imageSrc(memberCode, '.mc-qr'), 'the member code QR image')
    await waitFor(() => memberCode.dom.querySelector('[data-testid="member-code-digits"]'), 'the member code digits')
    const before = weapp.callsTo('getMemberCode')
    const shownBefore = memberCode.dom.querySelector('[data-testid="member-code-digits"]')!.textContent

    const refresh = memberCode.querySelector('.mc-refresh')
    expect(refresh).toBeTruthy()
    refresh.dispatchEvent('tap')

    await waitFor(() => weapp.callsTo('getMemberCode') === before + 1, 'a second getMemberCode call after 刷新')
    await waitFor(
      () => memberCode.dom.querySelector('[data-testid="member-code-digits"]')?.textContent !== shownBefore,
      'the refreshed code on screen',
    )
    const shown = memberCode.dom.querySelector('[data-testid="member-code-digits"]')!.textContent
    const expectedCode = CODES[(issued - 1) % CODES.length]
    expect(shown).toBe(expectedCode.replace(/(\d{4})(?=\d)/g, '$1 '))
    expect(imageSrc(memberCode, '.mc-qr') === memberCodeImages(expectedCode).qr).toBe(true)
    // Exactly one call per tap, and the cloud function got the contract's empty input.
    expect(weapp.callsTo('getMemberCode')).toBe(before + 1)
    expect(weapp.calls.filter((c) => c.name === 'getMemberCode').every((c) => JSON.stringify(c.data) === '{}')).toBe(true)
    expect(weapp.wxmlWarnings).toEqual([])
  })

  it('复制 in the native component copies the 24 digits through wx.setClipboardData; a tap on the code enlarges it', async () => {
    const page = weapp.openPage()
    const memberCode = await waitFor(() => memberCodeOf(page), 'the member-code-native component')
    await waitFor(() => memberCode.dom.querySelector('[data-testid="member-code-digits"]'), 'the member code digits')
    const shown = memberCode.dom.querySelector('[data-testid="member-code-digits"]')!.textContent!.replace(/\s/g, '')

    memberCode.querySelector('.mc-copy').dispatchEvent('tap')
    await waitFor(() => weapp.clipboard.length > 0, 'wx.setClipboardData')
    expect(weapp.clipboard).toEqual([shown])

    memberCode.querySelector('.mc-tap').dispatchEvent('tap')
    await waitFor(() => memberCode.dom.querySelector('[data-testid="member-code-big"]'), 'the enlarged code')
    expect(weapp.wxmlWarnings).toEqual([])
  })
})
