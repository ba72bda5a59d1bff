// 消息: a clerk records a purchase for the demo member in a real Chromium; the member finds 积分到账 in 消息
// (reached from 我的, with an unread count), readable at 320 px, and the browser says subscribing is WeChat-only.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { browser, byId, device, exclusive, fill, loginAs, open, PHONE, SHOTS } from './harness.mjs'

const NARROW = device({ width: 320, height: 640 })

test('a purchase at the till shows up as 积分到账 in the member\'s 消息', async () => {
  const member = await (await browser.newContext(NARROW)).newPage()
  await loginAs(member, 'member')
  await byId(member, 'member-code-qr').waitFor()

  const clerk = await (await browser.newContext(PHONE)).newPage()
  await loginAs(clerk, 'clerk')
  await open(clerk, 'packages/staff/pages/till/index')
  // Not between another file's two readings of this member's points (member-and-till, coupons).
  await exclusive('demo-member-points', async () => {
    // Read once the lock is ours: a code read before waiting for it could have gone stale meanwhile.
    const code = (await byId(member, 'member-code-digits').innerText()).replace(/\D/g, '')
    await fill(clerk, 'till-code-input', code)
    await byId(clerk, 'till-lookup').click()
    await byId(clerk, 'till-member-name').waitFor()
    await fill(clerk, 'till-amount-input', '66.60')
    await fill(clerk, 'till-receipt-input', `E2E-MSG-${Date.now()}`)
    await byId(clerk, 'till-submit').click()
    await byId(clerk, 'till-result').waitFor()
  })
  assert.match(await byId(clerk, 'till-result').innerText(), /\+66/)

  await open(member, 'pages/me/index')
  const entry = byId(member, 'me-notifications-link')
  await entry.waitFor()
  await member.waitForFunction(() => /\d+ 条未读/.test(document.querySelector('[data-testid="me-notifications-link"]')?.textContent ?? ''))
  await entry.click()
  const mine = member.locator('[data-testid="notification"]', { hasText: '消费 ¥66.60，获得 66 积分' })
  await mine.waitFor()
  assert.match(await mine.innerText(), /积分到账/)
  assert.match(await byId(member, 'subscribe-h5').innerText(), /仅在微信中可订阅/)
  // 320 px: nothing spills sideways.
  const overflow = await member.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 320px screen`)
  await member.screenshot({ path: `${SHOTS}/notifications-320.png`, fullPage: true })

  // Opening the list marked it read: back on 我的 the count is gone for this message.
  await byId(member, 'notifications-back').click()
  await byId(member, 'me-notifications-link').waitFor()
  await member.waitForFunction(() => !/条未读/.test(document.querySelector('[data-testid="me-notifications-link"]')?.textContent ?? 'x'))
})
