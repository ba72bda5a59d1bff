// What a new user met (issue 5 §8), in a real Chromium against the real server, at 390 px and at 320 px wide:
// the member code's layout, copy, enlarge and offline behaviour; 开卡; the H5 sub-pages' way back and deep links;
// a clerk's way to the till; two windows as two identities; a page whose code cannot load while offline.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { browser, byId, device, exclusive, fill, loginAs, open, SHOTS } from './harness.mjs'

const WIDTHS = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '320', viewport: { width: 320, height: 568 } },
]

const box = async (page, id) => {
  const b = await byId(page, id).boundingBox()
  assert.ok(b, `${id} is on screen`)
  return b
}

/** The visible tab bar's top edge (Taro H5 draws it fixed at the bottom). */
async function tabBarTop(page) {
  return page.evaluate(() => {
    const bar = [...document.querySelectorAll('.weui-tabbar, .taro-tabbar__tabbar')].find((e) => e.getBoundingClientRect().height > 0)
    return bar ? bar.getBoundingClientRect().top : window.innerHeight
  })
}

const inside = (inner, outer, label) => {
  assert.ok(inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5, `${label} fits its panel horizontally`)
}

for (const { name, viewport } of WIDTHS) {
  describe(`at ${name} px wide`, () => {
    test('the member code fits its panel, the digits stay on one line, and the QR scrolls clear of the tab bar', async () => {
      const page = await (await browser.newContext(device(viewport))).newPage()
      await loginAs(page, 'member')
      await byId(page, 'member-code-qr').waitFor()
      const panel = await box(page, 'member-code')
      inside(await box(page, 'member-code-barcode'), panel, 'the barcode')
      inside(await box(page, 'member-code-qr'), panel, 'the QR code')
      const digits = await box(page, 'member-code-digits')
      inside(digits, panel, 'the digits')
      const text = await byId(page, 'member-code-digits').evaluate((el) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        const rects = [...range.getClientRects()]
        const all = range.getBoundingClientRect()
        return { lines: new Set(rects.map((r) => Math.round(r.top))).size, left: all.left, right: all.right, overflow: el.scrollWidth - el.clientWidth }
      })
      assert.equal(text.lines, 1, 'the 24 digits are on one line')
      // The glyphs themselves, not just their box: a nowrap line can overflow a box that fits.
      assert.ok(text.overflow <= 0, `the digits do not overflow their box (by ${text.overflow} px)`)
      assert.ok(text.left >= panel.x && text.right <= panel.x + panel.width, 'every digit is inside the panel')
      assert.ok(panel.x + panel.width <= viewport.width, 'the panel is inside the screen')
      // On the first screen, without scrolling, the whole code is above the tab bar (320×568 included).
      const firstQr = await box(page, 'member-code-qr')
      assert.ok(firstQr.y + firstQr.height <= (await tabBarTop(page)), `the QR is not under the tab bar (bottom ${firstQr.y + firstQr.height})`)
      // Scrolled to the end, the bottom of the QR is above the tab bar.
      await byId(page, 'points-history-link').scrollIntoViewIfNeeded()
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await page.locator('.taro_page_stationed:visible').first().evaluate((el) => el.scrollTo?.(0, el.scrollHeight))
      const qr = await box(page, 'member-code-qr')
      assert.ok(qr.y + qr.height <= (await tabBarTop(page)), 'the QR code can be scrolled clear of the tab bar')
      const link = await box(page, 'points-history-link')
      assert.ok(link.y + link.height <= (await tabBarTop(page)) + 0.5, '积分明细 can be scrolled clear of the tab bar')
      await page.screenshot({ path: `${SHOTS}/card-${name}-bottom.png` })
      // The page scrolls inside Taro's page element, not the window: back to the top for the second picture.
      await page.locator('.taro_page_stationed:visible').first().evaluate((el) => el.scrollTo?.(0, 0))
      await page.screenshot({ path: `${SHOTS}/card-${name}-top.png` })
    })

    test('复制 copies the 24 digits, the digits are selectable, and a tap shows the code full screen', async () => {
      const context = await browser.newContext(device(viewport))
      const page = await context.newPage()
      await loginAs(page, 'member')
      await byId(page, 'member-code-qr').waitFor()
      const shown = (await byId(page, 'member-code-digits').innerText()).replace(/\D/g, '')
      assert.match(shown, /^\d{24}$/)
      const userSelect = await byId(page, 'member-code-digits').evaluate((el) => getComputedStyle(el).userSelect || getComputedStyle(el).webkitUserSelect)
      assert.notEqual(userSelect, 'none', 'the digits can be selected')
      await page.evaluate(() => {
        // Record what the page copies (execCommand('copy') of a selected textarea, as Taro's H5 clipboard does).
        window.__copied = []
        document.addEventListener('copy', () => window.__copied.push(String(document.getSelection?.() ?? '') || document.activeElement?.value || ''))
      })
      await byId(page, 'member-code-copy').click()
      await page.waitForFunction(() => window.__copied.length > 0)
      const copied = await page.evaluate(() => window.__copied.at(-1))
      assert.equal(copied, shown, 'the copied text is the 24 digits without spaces')

      await byId(page, 'member-code-enlarge').click()
      await byId(page, 'member-code-big').waitFor()
      const big = await box(page, 'member-code-big')
      assert.ok(big.width >= viewport.width - 1 && big.height >= viewport.height - 1, 'full screen')
      await page.screenshot({ path: `${SHOTS}/code-enlarged-${name}.png` })
      await byId(page, 'member-code-big').click()
      await byId(page, 'member-code-big').waitFor({ state: 'hidden' })
      await context.close()
    })

    test('offline: the last code stays, marked, and comes back by itself with the network', async () => {
      const context = await browser.newContext(device(viewport))
      const page = await context.newPage()
      await loginAs(page, 'member')
      await byId(page, 'member-code-qr').waitFor()
      const first = (await byId(page, 'member-code-digits').innerText()).replace(/\D/g, '')
      await context.setOffline(true)
      await byId(page, 'member-code-refresh').click()
      await page.locator('[data-testid="member-code"].member-code--stale').waitFor()
      assert.equal((await byId(page, 'member-code-digits').innerText()).replace(/\D/g, ''), first, 'the last code is still shown')
      assert.match(await byId(page, 'member-code-countdown').innerText(), /网络不可用 · 此码 \d+ 秒内仍可使用/)
      await page.screenshot({ path: `${SHOTS}/code-offline-${name}.png`, fullPage: true })
      await context.setOffline(false)
      await page.locator('[data-testid="member-code"]:not(.member-code--stale)').waitFor({ timeout: 10_000 })
      assert.match(await byId(page, 'member-code-countdown').innerText(), /秒后自动刷新|正在刷新/)
      await context.close()
    })
  })
}

test('开卡 at 320 px: precise phone message, labels focus inputs, the birthday picker opens on this year at most, a welcome on the card', async () => {
  const context = await browser.newContext(device(WIDTHS[1].viewport))
  const page = await context.newPage()
  await loginAs(page, 'visitor')
  await byId(page, 'open-card-button').click()
  await byId(page, 'open-card-submit').waitFor()
  await byId(page, 'sub-page-back').waitFor()

  await byId(page, 'open-card-nickname-label').click()
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="open-card-nickname"]') !== null)

  await fill(page, 'open-card-nickname', '新朋友')
  await fill(page, 'open-card-phone', '12345678901')
  await byId(page, 'open-card-submit').click()
  assert.equal(await byId(page, 'open-card-phone-error').innerText(), '手机号应以 13-19 开头')

  // The picker's years end with this one (store zone, UTC+8); its day/month rules are unit-tested (birthday.test.ts).
  await byId(page, 'open-card-birthday').click()
  const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
  const columns = page.locator('.nut-picker-list')
  await columns.first().waitFor()
  const years = await columns.nth(0).innerText()
  assert.ok(years.includes(`${thisYear} 年`), 'this year is offered')
  assert.ok(!years.includes(`${thisYear + 1} 年`), 'next year is not')
  await page.screenshot({ path: `${SHOTS}/open-card-picker-320.png` })
  await page.locator('.nut-picker-cancel-btn, .nut-picker-control .nut-picker-cancel').first().click()

  await fill(page, 'open-card-phone', `139${String(Date.now()).slice(-8)}`)
  await byId(page, 'open-card-submit').click()
  await byId(page, 'card-welcome').waitFor()
  assert.match(await byId(page, 'card-welcome').innerText(), /欢迎加入，新朋友/)
  await page.screenshot({ path: `${SHOTS}/welcome-320.png`, fullPage: true })

  // Back on 开卡 (a bookmark, a second tap): 您已是会员 with a way to the card.
  await open(page, 'packages/member/pages/open-card/index')
  await page.getByText('您已是会员').waitFor()
  await byId(page, 'open-card-go-card').click()
  await byId(page, 'card-tier-name').waitFor()
  await context.close()
})

test('a deep link without a session offers the demo login; 积分明细 shows the balance and purchase amounts; 返回 leads back', async () => {
  const context = await browser.newContext(device(WIDTHS[1].viewport))
  const page = await context.newPage()
  await open(page, 'packages/member/pages/points/index')
  await byId(page, 'dev-login-member').click()
  await byId(page, 'points-balance').waitFor()
  assert.match(await byId(page, 'points-balance-value').innerText(), /^[\d,]+$/)
  await byId(page, 'ledger-amount').waitFor()
  assert.match(await byId(page, 'ledger-amount').innerText(), /^消费 ¥[\d,.]+$/)
  await page.screenshot({ path: `${SHOTS}/points-320.png`, fullPage: true })
  await byId(page, 'sub-page-back').click()
  await byId(page, 'card-tier-name').waitFor()
  await context.close()
})

test('a clerk sees 进入收银台 right after logging in, and the till echoes amount and receipt', async () => {
  const context = await browser.newContext(device(WIDTHS[1].viewport))
  const member = await context.newPage()
  await loginAs(member, 'member')
  await byId(member, 'member-code-qr').waitFor()

  // Same browser, another window: another identity (the demo login is per tab).
  const clerk = await context.newPage()
  await loginAs(clerk, 'clerk')
  await byId(clerk, 'card-till-link').click()
  await byId(clerk, 'till-code-input').waitFor()
  await byId(clerk, 'sub-page-back').waitFor()
  const receipt = `E2E320-${Date.now()}`
  // Not between another file's two readings of the demo member's points; the code read once the lock is ours.
  await exclusive('demo-member-points', async () => {
    const code = (await byId(member, 'member-code-digits').innerText()).replace(/\D/g, '')
    await fill(clerk, 'till-code-input', code)
    await byId(clerk, 'till-lookup').click()
    await byId(clerk, 'till-member-name').waitFor()
    await fill(clerk, 'till-amount-input', '66.80')
    await fill(clerk, 'till-receipt-input', receipt)
    await byId(clerk, 'till-submit').click()
    await byId(clerk, 'till-result').waitFor()
  })
  assert.equal(await byId(clerk, 'till-result-amount').innerText(), '¥66.80')
  assert.equal(await byId(clerk, 'till-result-receipt').innerText(), receipt.toUpperCase())
  await clerk.screenshot({ path: `${SHOTS}/till-result-320.png`, fullPage: true })

  // The member's window is still the member.
  await member.reload()
  await member.locator('.taro_page_stationed:visible').first().waitFor()
  await byId(member, 'card-tier-name').waitFor()
  assert.equal(await byId(member, 'card-till-link').count(), 0)
  await context.close()
})

test('offline, a tab whose code was never loaded says so and the tab bar stays on the page shown', async () => {
  const context = await browser.newContext(device(WIDTHS[0].viewport))
  const page = await context.newPage()
  await loginAs(page, 'member')
  await byId(page, 'card-tier-name').waitFor()
  await context.setOffline(true)
  const mallTab = page.locator('.weui-tabbar__item', { hasText: '积分商城' })
  await mallTab.click()
  await page.getByText('页面加载失败，请检查网络后重试').waitFor()
  await page.waitForFunction(() => location.hash.includes('pages/card/index'))
  const selected = await page.locator('.weui-tabbar__item.weui-bar__item_on').innerText()
  assert.match(selected, /会员卡/)
  await page.screenshot({ path: `${SHOTS}/offline-tab-390.png` })
  await context.setOffline(false)
  await mallTab.click()
  await page.waitForFunction(() => location.hash.includes('pages/mall/index'))
  await byId(page, 'mall-balance').waitFor()
  await context.close()
})
