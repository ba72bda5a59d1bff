// The points mall in a real Chromium against the real server: the demo member redeems a gift in the 积分商城 tab and
// shows its pick-up code; the clerk scans it in the one scanner and hands it over; the member sees it picked up and
// the balance that paid for it. A member with too few points sees 差 X 分 and what spending would earn them. The
// screens are checked again at 320 px for anything wider than the screen.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { assertFitsWidth, browser, byId, device, exclusive, fill, loginAs, open, PHONE, SHOTS } from './harness.mjs'

const NARROW = device({ width: 320, height: 640 })
const MALL = 'pages/mall/index'
const TILL = 'packages/staff/pages/till/index'
/** The demo seed's plain gift (src/cloud/app/mall-catalog/seed-mall.ts): 800 分, 每人限兑 2 件. */
const GIFT = '拾光帆布袋'
const GIFT_PRICE = 800
/** The seed's cheapest item: a coupon for 300 分. */
const COUPON_ITEM = '满50减10券'
const COUPON_PRICE = 300

const text = async (page, id) => (await byId(page, id).innerText()).trim()
const digitsOf = (s) => Number(s.replace(/[^\d]/g, ''))

async function newPage(viewport = PHONE) {
  return (await browser.newContext(viewport)).newPage()
}

const itemCard = (page, name) => page.locator('[data-testid="mall-item"]', { hasText: name })

async function mallBalance(page) {
  await byId(page, 'mall-balance-points').waitFor()
  return digitsOf(await text(page, 'mall-balance-points'))
}

test('the member redeems a gift, the clerk hands it over by its pick-up code, and the member sees it picked up and the balance', async () => {
  await exclusive('demo-member-points', async () => {
    const member = await newPage()
    await loginAs(member, 'member', MALL)
    await byId(member, 'mall-list').waitFor()
    const before = await mallBalance(member)
    assert.ok(before >= GIFT_PRICE, `the demo member can afford the gift (has ${before})`)
    await itemCard(member, GIFT).locator('[data-testid="mall-picture"]').waitFor() // the seed's drawn picture, served by the gateway
    await member.screenshot({ path: `${SHOTS}/mall.png`, fullPage: true })

    // The item page: 立即兑换 → the confirm names the points and the item → the pick-up code.
    await itemCard(member, GIFT).click()
    await byId(member, 'item-redeem').click()
    const confirm = member.locator('.nut-dialog', { hasText: `确认用 ${GIFT_PRICE} 积分兑换 ${GIFT} ×1？` })
    await confirm.waitFor()
    await confirm.getByRole('button', { name: '确认兑换' }).click()
    await byId(member, 'pickup-qr').waitFor()
    const code = await text(member, 'pickup-digits')
    assert.match(code, /^P1( \d{4}){5}$/)
    assert.equal(await text(member, 'redemption-status'), '待领取')
    await member.screenshot({ path: `${SHOTS}/mall-pickup-code.png`, fullPage: true })

    // The clerk scans it: a preview of the gift and the member (masked), then 确认交付, once.
    const clerk = await newPage()
    await loginAs(clerk, 'clerk', TILL)
    await fill(clerk, 'till-code-input', code)
    await byId(clerk, 'till-lookup').click()
    await byId(clerk, 'till-pickup').waitFor()
    assert.match(await text(clerk, 'till-pickup-item'), new RegExp(GIFT))
    assert.match(await text(clerk, 'till-pickup-holder'), /\*{4}/)
    await clerk.screenshot({ path: `${SHOTS}/till-pickup.png`, fullPage: true })
    await byId(clerk, 'till-pickup-confirm-open').click()
    await byId(clerk, 'till-pickup-confirm-ok').click()
    await byId(clerk, 'till-pickup-done').waitFor()

    // A second scan of the same code: already handed over, with when and by whom.
    const second = await newPage()
    await loginAs(second, 'manager', TILL)
    await fill(second, 'till-code-input', code)
    await byId(second, 'till-lookup').click()
    await byId(second, 'till-pickup').waitFor()
    assert.match(await byId(second, 'till-pickup').innerText(), /已核销 · \d{2}-\d{2} \d{2}:\d{2} · 店员小王/)

    // The member: the redemption says 已领取, and the balance paid exactly the price.
    await member.reload()
    await byId(member, 'redemption-status').waitFor()
    await member.waitForFunction(() => document.querySelector('[data-testid="redemption-status"]')?.textContent?.includes('已领取'))
    await open(member, MALL)
    await member.reload()
    await member.waitForFunction(
      (want) => document.querySelector('[data-testid="mall-balance-points"]')?.textContent?.replace(/[^\d]/g, '') === String(want),
      before - GIFT_PRICE,
    )
  })
})

test('a member with too few points sees 差 X 分 and what spending would earn them, and cannot redeem', async () => {
  for (const viewport of [PHONE, NARROW]) {
    const member = await newPage(viewport)
    await loginAs(member, 'birthday', MALL)
    await byId(member, 'mall-list').waitFor()
    const balance = await mallBalance(member)
    assert.ok(balance < COUPON_PRICE, `the birthday member has fewer points than the cheapest item (has ${balance})`)
    const card = itemCard(member, COUPON_ITEM)
    assert.equal((await card.locator('[data-testid="mall-item-short"]').innerText()).split('\n')[0].trim(), `差 ${COUPON_PRICE - balance} 分可兑`)
    assert.match(await card.locator('[data-testid="mall-item-spend"]').innerText(), /^再消费 ¥\d+(\.\d{2})? 即可兑换$/)
    await assertFitsWidth(member, viewport.viewport.width)
    await member.screenshot({ path: `${SHOTS}/mall-short-${viewport.viewport.width}.png`, fullPage: true })

    await card.click()
    await byId(member, 'item-redeem-disabled').waitFor()
    assert.equal(await text(member, 'item-redeem-disabled'), `差 ${COUPON_PRICE - balance} 分可兑`)
    await assertFitsWidth(member, viewport.viewport.width)
  }
})

test('at 320 px the mall and 我的兑换 fit the screen', async () => {
  const member = await newPage(NARROW)
  await loginAs(member, 'member', MALL)
  await byId(member, 'mall-list').waitFor()
  await assertFitsWidth(member, 320)
  await byId(member, 'mall-redemptions-link').click()
  await byId(member, 'redemption-tabs').waitFor()
  await assertFitsWidth(member, 320)
  await member.screenshot({ path: `${SHOTS}/mall-redemptions-320.png`, fullPage: true })
})
