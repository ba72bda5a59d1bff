// The member and the clerk, in a real Chromium against the real server: the clerk records a purchase with the
// member's current code, the member's points and history update, and the same receipt is not credited twice.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { browser, byId, exclusive, fill, loginAs, open, PHONE, SHOTS } from './harness.mjs'

const number = async (page, id) => Number((await byId(page, id).innerText()).replace(/[^\d-]/g, ''))
const digits = async (page) => (await byId(page, 'member-code-digits').innerText()).replace(/\D/g, '')

// Holds the demo member's points lock throughout: it compares the card's points before and after its purchase.
test('a clerk credits the member once for a receipt, and the member sees it', () =>
  exclusive('demo-member-points', async () => {
    const member = await (await browser.newContext(PHONE)).newPage()
    await loginAs(member, 'member')
    await byId(member, 'card-tier-name').waitFor()
    const pointsBefore = await number(member, 'card-points')
    await byId(member, 'member-code-qr').waitFor()
    const code = await digits(member)
    assert.match(code, /^\d{24}$/)
    await member.screenshot({ path: `${SHOTS}/card.png`, fullPage: true })

    const clerk = await (await browser.newContext(PHONE)).newPage()
    await loginAs(clerk, 'clerk')
    await open(clerk, 'packages/staff/pages/till/index')
    await fill(clerk, 'till-code-input', code)
    await byId(clerk, 'till-lookup').click()
    await byId(clerk, 'till-member-name').waitFor()
    assert.equal(await number(clerk, 'till-member-points'), pointsBefore)

    const receipt = `E2E-${Date.now()}`
    await fill(clerk, 'till-amount-input', '128.50')
    await fill(clerk, 'till-receipt-input', receipt)
    await byId(clerk, 'till-submit').click()
    await byId(clerk, 'till-result').waitFor()
    assert.match(await byId(clerk, 'till-result').innerText(), /\+128/)
    await clerk.screenshot({ path: `${SHOTS}/till.png`, fullPage: true })

    await member.reload()
    await member.locator('.taro_page_stationed:visible').first().waitFor()
    await byId(member, 'card-points').waitFor()
    await member.waitForFunction(
      ([id, expected]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/[^\d-]/g, '') === String(expected),
      ['card-points', pointsBefore + 128],
    )
    await byId(member, 'points-history-link').click()
    await byId(member, 'ledger-entry').waitFor()
    assert.match(await byId(member, 'ledger-entry').innerText(), /\+128/)

    // The same receipt again, with the member's current code: refused as already recorded, nothing credited.
    await byId(clerk, 'till-next').click()
    await fill(clerk, 'till-code-input', code)
    await byId(clerk, 'till-lookup').click()
    await byId(clerk, 'till-member-name').waitFor()
    await fill(clerk, 'till-amount-input', '128.50')
    await fill(clerk, 'till-receipt-input', receipt)
    await byId(clerk, 'till-submit').click()
    await byId(clerk, 'till-result').waitFor()
    assert.match(await byId(clerk, 'till-result').innerText(), /已入账|未重复/)
    assert.doesNotMatch(await byId(clerk, 'till-result').innerText(), /\+128/)

    await open(member, 'pages/card/index')
    await byId(member, 'card-points').waitFor()
    assert.equal(await number(member, 'card-points'), pointsBefore + 128)
  }),
)

test('a forged member code is refused at the till', async () => {
  const clerk = await (await browser.newContext(PHONE)).newPage()
  await loginAs(clerk, 'clerk')
  await open(clerk, 'packages/staff/pages/till/index')
  await fill(clerk, 'till-code-input', '000000010000000000000000')
  await byId(clerk, 'till-lookup').click()
  await byId(clerk, 'till-error').waitFor()
  assert.match(await byId(clerk, 'till-error').innerText(), /会员码/)
})

test('a new customer opens a card and sees it at the entry tier with a member code', async () => {
  const visitor = await (await browser.newContext(PHONE)).newPage()
  await loginAs(visitor, 'visitor')
  await byId(visitor, 'open-card-button').click()
  await fill(visitor, 'open-card-nickname', '新朋友')
  await fill(visitor, 'open-card-phone', '13600001234') // not a seeded member's phone (the 生日会员 has 13700001234)
  await byId(visitor, 'open-card-submit').click()
  await byId(visitor, 'card-tier-name').waitFor()
  assert.equal(await byId(visitor, 'card-tier-name').innerText(), '普通')
  assert.equal(await number(visitor, 'card-points'), 0)
  await byId(visitor, 'member-code-qr').waitFor()
  assert.match(await digits(visitor), /^\d{24}$/)
})
