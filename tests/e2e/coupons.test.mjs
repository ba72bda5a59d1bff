// Coupons and the birthday month in a real Chromium against the real server: the demo member claims a coupon in
// 领券中心 and shows its code; the clerk scans it and uses it with a purchase (points on the amount paid); the
// birthday member's 生日礼 coupon is verified alone, once; a manager's new template reaches 领券中心. The key
// screens are checked again at 320 px for anything wider than the screen.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { assertFitsWidth, browser, byId, device, exclusive, fill, loginAs, open, PHONE, SHOTS } from './harness.mjs'

const NARROW = device({ width: 320, height: 640 })
const TILL = 'packages/staff/pages/till/index'
const CARD = 'pages/card/index'
/** The demo seed's 无门槛 coupon (src/cloud/app/coupons/seed-coupons.ts, `welcome`): limit 3, the member has 2. */
const CLAIMABLE = '新客立减 ¥5'

const text = async (page, id) => (await byId(page, id).innerText()).trim()
const number = async (page, id) => Number((await text(page, id)).replace(/[^\d-]/g, ''))
/** '¥83.00' / '-¥5.00' → 8300 / 500 (the sign is the line's, the amount is what we compare). */
const fen = async (page, id) => Math.round(Number((await text(page, id)).replace(/[^\d.]/g, '')) * 100)

/** The card's points reach `expected` (they are read again on reload; waiting avoids racing the page's own load). */
async function waitForPoints(page, expected) {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="card-points"]')?.textContent?.replace(/[^\d-]/g, '') === String(want),
    expected,
  )
}

async function newPage(viewport = PHONE) {
  return (await browser.newContext(viewport)).newPage()
}

/** The coupon detail's digits: 'C1 2345 6789 0123 4567 8901', grouped for reading aloud; the till takes them as typed. */
async function couponCode(page) {
  await byId(page, 'coupon-qr').waitFor()
  const digits = await text(page, 'coupon-digits')
  assert.match(digits, /^C1( \d{4}){5}$/)
  return digits
}

/** The clerk types (or pastes) a code into the one scanner and looks it up. */
async function scan(clerk, code) {
  await fill(clerk, 'till-code-input', code)
  await byId(clerk, 'till-lookup').click()
}

async function clerkAtTill(viewport = PHONE) {
  const clerk = await newPage(viewport)
  await loginAs(clerk, 'clerk')
  await open(clerk, TILL)
  return clerk
}

test('the member claims a coupon, shows its code, the clerk uses it with a purchase, and the member sees it used and the points', async () => {
  const member = await newPage()
  await loginAs(member, 'member')
  await byId(member, 'card-tier-name').waitFor()

  // 领券中心 from the card: claim the seed's 无门槛 coupon.
  await byId(member, 'card-center-link').click()
  await byId(member, 'claimable-list').waitFor()
  const offer = member.locator('[data-testid="claimable-coupon"]', { hasText: CLAIMABLE })
  const claim = offer.locator('[data-testid="claim-button"]')
  assert.equal((await claim.innerText()).trim(), '立即领取')
  await member.screenshot({ path: `${SHOTS}/coupon-center.png`, fullPage: true })
  await claim.click()
  // Its third and last for this member (limit 3): the button says so.
  await member.waitForFunction(
    (name) =>
      [...document.querySelectorAll('[data-testid="claimable-coupon"]')]
        .find((el) => el.textContent.includes(name))
        ?.querySelector('[data-testid="claim-button"]')
        ?.textContent.includes('已领取'),
    CLAIMABLE,
  )

  // 我的券包 → the coupon → its code.
  await byId(member, 'center-wallet-link').click()
  await byId(member, 'wallet-list').waitFor()
  const mine = member.locator('[data-testid="wallet-coupon"]', { hasText: CLAIMABLE })
  assert.equal(await mine.count(), 1, 'one usable 新客立减 in 可用 (the seed has one used and one expired)')
  await member.screenshot({ path: `${SHOTS}/wallet.png`, fullPage: true })
  await mine.click()
  const code = await couponCode(member)
  await member.screenshot({ path: `${SHOTS}/coupon-detail.png`, fullPage: true })

  // No other purchase for the demo member between the two readings of the card's points (other files buy too).
  await exclusive('demo-member-points', async () => {
    // A full reload: a hash navigation would first show the card this page loaded before the lock was ours.
    await open(member, CARD)
    await member.reload()
    await byId(member, 'card-points').waitFor()
    const pointsBefore = await number(member, 'card-points')

    // The clerk scans the coupon alone: the preview says 可用; 随单使用 with an amount and a receipt of our own.
    const clerk = await clerkAtTill()
    await scan(clerk, code)
    await byId(clerk, 'till-preview').waitFor()
    assert.equal(await text(clerk, 'till-preview-status'), '可用')
    assert.match(await byId(clerk, 'till-preview').innerText(), new RegExp(CLAIMABLE.replace(/[¥ ]/g, '.')))
    await byId(clerk, 'till-use-with-purchase').click()
    const receipt = `E2E-CPN-${Date.now()}`
    await fill(clerk, 'till-amount-input', '88.00')
    await fill(clerk, 'till-receipt-input', receipt)
    await byId(clerk, 'till-price').waitFor()
    assert.equal(await fen(clerk, 'till-price-coupon'), 500)
    await clerk.screenshot({ path: `${SHOTS}/till-coupon-purchase.png`, fullPage: true })
    await byId(clerk, 'till-submit').click()
    await byId(clerk, 'till-result').waitFor()

    // The server's figures: the coupon took ¥5 off what was left after any tier discount; points on 实付.
    assert.equal(await text(clerk, 'till-result-receipt'), receipt)
    assert.match(await text(clerk, 'till-result-coupon'), new RegExp(`已核销：${CLAIMABLE}`))
    assert.equal(await fen(clerk, 'till-result-price-gross'), 8800)
    assert.equal(await fen(clerk, 'till-result-price-coupon'), 500)
    const tierFen = (await byId(clerk, 'till-result-price-tier').count()) ? await fen(clerk, 'till-result-price-tier') : 0
    const paidFen = await fen(clerk, 'till-result-price-paid')
    assert.equal(paidFen, 8800 - tierFen - 500)
    const earned = Number((await text(clerk, 'till-result')).match(/\+(\d+)/)?.[1])
    assert.equal(earned, Math.floor(paidFen / 100), 'one point per whole yuan paid, not per yuan before the coupon')
    await clerk.screenshot({ path: `${SHOTS}/till-coupon-result.png`, fullPage: true })

    // The member: the card's points rose by exactly what the clerk saw…
    await member.reload()
    await byId(member, 'card-points').waitFor()
    await waitForPoints(member, pointsBefore + earned)

    // …and the coupon has moved from 可用 to 已使用.
    await byId(member, 'card-wallet-link').click()
    await byId(member, 'wallet-list').waitFor()
    assert.equal(await member.locator('[data-testid="wallet-coupon"]', { hasText: CLAIMABLE }).count(), 0)
    await byId(member, 'wallet-tab-used').click()
    await member.locator('[data-testid="wallet-coupon"]', { hasText: CLAIMABLE }).nth(1).waitFor() // the seed's used one and ours
    await member.screenshot({ path: `${SHOTS}/wallet-used.png`, fullPage: true })

    // A manager refunds the receipt in full: the points come back off, the coupon returns to the wallet, usable.
    const manager = await newPage()
    await loginAs(manager, 'manager')
    await open(manager, TILL)
    await byId(manager, 'till-refund-link').click()
    await fill(manager, 'refund-receipt-input', receipt)
    await byId(manager, 'refund-preview').click()
    await byId(manager, 'refund-summary').waitFor()
    assert.equal(await fen(manager, 'refund-amount'), paidFen)
    assert.equal(await text(manager, 'refund-points'), `${earned} / 当时获得 ${earned}`)
    assert.equal(await text(manager, 'refund-coupon'), `${CLAIMABLE}：退回会员券包（可用）`)
    await byId(manager, 'refund-start').click()
    await fill(manager, 'refund-reason', '顾客退货')
    await byId(manager, 'refund-confirm-ok').click()
    await byId(manager, 'refund-done').waitFor()
    await manager.screenshot({ path: `${SHOTS}/refund-done.png`, fullPage: true })

    await open(member, CARD)
    await byId(member, 'card-points').waitFor()
    await waitForPoints(member, pointsBefore)
  })
  await byId(member, 'card-wallet-link').click()
  await member.locator('[data-testid="wallet-coupon"]', { hasText: CLAIMABLE }).waitFor()
})

test('below its threshold a coupon says how much is missing, and the till refuses it without recording anything', async () => {
  const member = await newPage()
  await loginAs(member, 'member', 'packages/coupons/pages/wallet/index')
  await member.locator('[data-testid="wallet-coupon"]', { hasText: '满200减30' }).click()
  const code = await couponCode(member)

  const clerk = await clerkAtTill()
  await scan(clerk, code)
  await byId(clerk, 'till-preview').waitFor()
  await byId(clerk, 'till-use-with-purchase').click()
  const receipt = `E2E-SHORT-${Date.now()}`
  await fill(clerk, 'till-amount-input', '150.00')
  await fill(clerk, 'till-receipt-input', receipt)
  assert.equal(await text(clerk, 'till-price-note'), '还差 ¥50.00 可用')
  assert.equal(await fen(clerk, 'till-price-coupon'), 0)
  assert.equal(await fen(clerk, 'till-price-paid'), 15000)
  await clerk.screenshot({ path: `${SHOTS}/till-coupon-short.png`, fullPage: true })
  // Sent anyway, the server refuses the whole purchase (points included). The lock: were it credited after all,
  // only this file would see it, not another file's before/after reading of the same member's points.
  await exclusive('demo-member-points', async () => {
    await byId(clerk, 'till-submit').click()
    await byId(clerk, 'till-error').waitFor()
  })
  assert.match(await text(clerk, 'till-error'), /还差 ¥[\d.]+ 可用/)
  assert.equal(await byId(clerk, 'till-result').count(), 0)

  // At ¥200.00 the threshold is met: ¥30 off.
  await fill(clerk, 'till-amount-input', '200.00')
  await byId(clerk, 'till-price-note').waitFor({ state: 'detached' })
  assert.equal(await fen(clerk, 'till-price-coupon'), 3000)

  // The member's coupon is untouched, and no purchase was recorded under that receipt.
  await member.reload()
  await byId(member, 'coupon-qr').waitFor()
  const manager = await newPage()
  await loginAs(manager, 'manager', 'packages/staff/pages/refund/index')
  await fill(manager, 'refund-receipt-input', receipt)
  await byId(manager, 'refund-preview').click()
  await byId(manager, 'refund-error').waitFor()
  assert.equal(await byId(manager, 'refund-summary').count(), 0)
})

test('the birthday member opens 生日礼 from the card, the clerk verifies the gift once, and the member sees it used', async () => {
  const member = await newPage()
  await loginAs(member, 'birthday')
  const banner = byId(member, 'card-birthday-banner')
  await banner.waitFor()
  assert.match(await banner.innerText(), /生日快乐/)
  await member.screenshot({ path: `${SHOTS}/card-birthday.png`, fullPage: true })
  await byId(member, 'member-code-qr').waitFor()
  const memberCode = (await text(member, 'member-code-digits')).replace(/\D/g, '')

  // The clerk scanning the member's code sees 🎂: an unused birthday coupon to offer.
  const clerk = await clerkAtTill()
  await scan(clerk, memberCode)
  await byId(clerk, 'till-member-name').waitFor()
  await byId(clerk, 'till-birthday').waitFor()
  assert.match(await text(clerk, 'till-coupon-count'), /\d+ 张可用券/)
  await clerk.screenshot({ path: `${SHOTS}/till-birthday-member.png`, fullPage: true })
  await byId(clerk, 'till-change-member').click()

  await banner.click()
  await byId(member, 'birthday-gift').waitFor()
  assert.match(await text(member, 'birthday-countdown'), /还剩 \d+ (天|小时|分)/)
  assert.equal(await text(member, 'birthday-gift-state'), '可使用')
  await byId(member, 'birthday-history-row').waitFor() // last year's gift
  await member.screenshot({ path: `${SHOTS}/birthday.png`, fullPage: true })
  await byId(member, 'birthday-gift-coupon').click()
  const code = await couponCode(member)

  // The clerk, the coupon alone: scan → preview (🎂, 可用) → 核销 → confirm.
  await scan(clerk, code)
  await byId(clerk, 'till-preview').waitFor()
  assert.equal(await text(clerk, 'till-preview-status'), '可用')
  assert.match(await byId(clerk, 'till-preview').innerText(), /🎂/)
  await clerk.screenshot({ path: `${SHOTS}/till-birthday-preview.png`, fullPage: true })
  await byId(clerk, 'till-verify').click()
  await byId(clerk, 'till-verify-confirm-ok').click()
  await byId(clerk, 'till-verified').waitFor()
  assert.match(await text(clerk, 'till-verified'), /核销成功/)
  const verifiedBy = await text(clerk, 'till-verified-by')
  assert.match(verifiedBy, /^已核销 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · \S+/)

  // Scanned again (a second clerk, the same customer twice): 已核销 with when and by whom, and no 核销 button.
  await byId(clerk, 'till-next').click()
  await scan(clerk, code)
  await byId(clerk, 'till-preview').waitFor()
  assert.equal(await text(clerk, 'till-preview-status'), verifiedBy)
  assert.equal(await byId(clerk, 'till-verify').count(), 0)
  await clerk.screenshot({ path: `${SHOTS}/till-already-verified.png`, fullPage: true })

  // The member: the coupon's page shows it used, and so do 生日礼 and the card's banner.
  await member.reload()
  await byId(member, 'coupon-no-code').waitFor()
  assert.equal(await text(member, 'coupon-state'), '已使用')
  assert.match(await text(member, 'coupon-reason'), /^已于 \d{2}-\d{2} \d{2}:\d{2} 核销$/)
  await open(member, 'packages/coupons/pages/birthday/index')
  await byId(member, 'birthday-gift').waitFor()
  assert.match(await text(member, 'birthday-gift-state'), /^已于 .+ 核销$/)
  assert.equal(await byId(member, 'birthday-countdown').count(), 0)
  await open(member, CARD)
  await member.locator('[data-testid="card-birthday-banner"]', { hasText: '已使用' }).waitFor()

  // A manager voids that 核销 with a reason (within the store's window): the gift is usable again, once.
  const manager = await newPage()
  await loginAs(manager, 'manager')
  await open(manager, TILL)
  await scan(manager, code)
  await byId(manager, 'till-void').click()
  await fill(manager, 'till-void-reason', '误核销')
  await byId(manager, 'till-void-confirm-ok').click()
  await manager.locator('[data-testid="till-preview-status"]', { hasText: '可用' }).waitFor()
  assert.equal(await byId(manager, 'till-void').count(), 0)
  await open(member, 'packages/coupons/pages/birthday/index')
  await member.locator('[data-testid="birthday-gift-state"]', { hasText: '可使用' }).waitFor()
})

test('a manager creates a 满减 coupon in the console and the member finds it in 领券中心', async () => {
  const manager = await newPage()
  await loginAs(manager, 'manager', 'pages/me/index')
  await byId(manager, 'me-coupon-templates-link').click()
  await byId(manager, 'tpl-new').click()
  const name = `满99减9 E2E${String(Date.now()).slice(-5)}`
  await fill(manager, 'tpl-name', name)
  await fill(manager, 'tpl-threshold', '99')
  await fill(manager, 'tpl-amount-off', '9')
  await byId(manager, 'tpl-channel-claim').waitFor()
  await byId(manager, 'tpl-save').click()
  const card = manager.locator('[data-testid^="tpl-card-"]', { hasText: name })
  await card.waitFor()
  assert.match(await card.innerText(), /发放中/)
  await manager.screenshot({ path: `${SHOTS}/console-templates.png`, fullPage: true })

  const member = await newPage()
  await loginAs(member, 'member', 'packages/coupons/pages/center/index')
  const offer = member.locator('[data-testid="claimable-coupon"]', { hasText: name })
  await offer.waitFor()
  assert.match(await offer.innerText(), /满99可用/)
  assert.equal((await offer.locator('[data-testid="claim-button"]').innerText()).trim(), '立即领取')
})

test('the coupon screens fit a 320 px screen', async () => {
  const member = await newPage(NARROW)
  await loginAs(member, 'member')
  await byId(member, 'card-tier-name').waitFor()
  await assertFitsWidth(member, 320)

  await byId(member, 'card-center-link').click()
  await byId(member, 'claimable-list').waitFor()
  await assertFitsWidth(member, 320)
  await member.screenshot({ path: `${SHOTS}/coupon-center-320.png`, fullPage: true })

  await byId(member, 'center-wallet-link').click()
  await byId(member, 'wallet-list').waitFor()
  await assertFitsWidth(member, 320)
  await member.screenshot({ path: `${SHOTS}/wallet-320.png`, fullPage: true })
  await member.locator('[data-testid="wallet-coupon"]', { hasText: '8.8折券' }).click()
  const code = await couponCode(member)
  await assertFitsWidth(member, 320)
  await member.screenshot({ path: `${SHOTS}/coupon-detail-320.png`, fullPage: true })

  // The clerk's preview of it (nothing verified: only a look).
  const clerk = await clerkAtTill(NARROW)
  await scan(clerk, code)
  await byId(clerk, 'till-preview').waitFor()
  assert.equal(await text(clerk, 'till-preview-status'), '可用')
  await assertFitsWidth(clerk, 320)
  await clerk.screenshot({ path: `${SHOTS}/till-preview-320.png`, fullPage: true })

  const birthday = await newPage(NARROW)
  await loginAs(birthday, 'birthday', 'packages/coupons/pages/birthday/index')
  await byId(birthday, 'birthday-gift').waitFor()
  await assertFitsWidth(birthday, 320)
  await birthday.screenshot({ path: `${SHOTS}/birthday-320.png`, fullPage: true })
  await open(birthday, CARD)
  await byId(birthday, 'card-birthday-banner').waitFor()
  await assertFitsWidth(birthday, 320)
})
