// Member events in a real Chromium against the real server, the whole loop: the manager creates and publishes an
// event with one seat (the notice previewed first); the demo member takes the seat, the birthday member lands on the
// waitlist; the first cancels and the second is registered at once and sees 候补成功 in 消息; the clerk checks them in
// at the door by their ticket (a second scan says 已签到); they rate the event; the manager sees the results.
// The screens are checked at 390 and 320 px for anything wider than the screen.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { assertFitsWidth, browser, byId, device, fill, loginAs, open, PHONE, SHOTS } from './harness.mjs'

const NARROW = device({ width: 320, height: 640 })
const EVENTS = 'pages/events/index'
const EDITOR = 'packages/console/pages/event/index'
const DOOR = 'packages/staff/pages/door/index'
const NOTIFICATIONS = 'packages/member/pages/notifications/index'

const text = async (page, id) => (await byId(page, id).innerText()).trim()
const newPage = async (viewport = PHONE) => (await browser.newContext(viewport)).newPage()
/** A wall-clock time in the store's zone (UTC+8) as a datetime-local input takes it: "2026-11-24T14:00". */
const storeLocal = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16)
const dialog = (page, hasText) => page.locator('.nut-dialog', { hasText })

test('the manager publishes, a member signs up, another waits, the first cancels, the second gets the seat, is checked in and rates; the manager sees the results', async () => {
  const title = `品鉴会${Date.now().toString().slice(-6)}`
  // Starts in an hour: sign-up is open, the door is open (from 2 hours before), and a 0-hour cut-off lets the first
  // member cancel until the start.
  const startsAt = Date.now() + 60 * 60_000

  // The manager: a new event with one seat, saved as a draft, then published with a notice previewed first.
  const manager = await newPage()
  await loginAs(manager, 'manager', EDITOR)
  await byId(manager, 'event-title').waitFor()
  await fill(manager, 'event-title', title)
  await fill(manager, 'event-place', '本店二楼')
  await fill(manager, 'event-capacity', '1')
  await fill(manager, 'event-starts-input', storeLocal(startsAt))
  await fill(manager, 'event-ends-input', storeLocal(startsAt + 2 * 60 * 60_000))
  await fill(manager, 'event-cutoff', '0')
  await byId(manager, 'event-save').click()
  await byId(manager, 'event-publish').waitFor()
  await manager.waitForFunction(() => !document.querySelector('[data-testid="event-publish"]')?.className.includes('disabled'))
  await byId(manager, 'event-publish').click()
  await byId(manager, 'publish-audience').waitFor()
  assert.match(await text(manager, 'publish-audience'), /将通知 \d+ 位会员（其中 \d+ 位可收到微信消息）/)
  await assertFitsWidth(manager, 390)
  await manager.screenshot({ path: `${SHOTS}/event-publish.png`, fullPage: true })
  await byId(manager, 'publish-ok').click()
  await manager.waitForFunction(() => /已发布/.test(document.querySelector('[data-testid="event-state"]')?.textContent ?? ''))

  // The demo member takes the only seat from the 活动 tab.
  const first = await newPage()
  await loginAs(first, 'member', EVENTS)
  await byId(first, 'events-list').waitFor()
  const card = first.locator('[data-testid="event-card"]', { hasText: title })
  await card.waitFor()
  assert.match(await card.locator('[data-testid="event-card-seats"]').innerText(), /剩余 1 席/)
  await first.screenshot({ path: `${SHOTS}/events.png`, fullPage: true })
  await card.click()
  await byId(first, 'event-signup-button').click()
  await byId(first, 'event-mine').waitFor()
  await first.screenshot({ path: `${SHOTS}/event-detail.png`, fullPage: true })

  // The birthday member finds it full and joins the waitlist (first in line).
  const second = await newPage(NARROW)
  await loginAs(second, 'birthday', EVENTS)
  const full = second.locator('[data-testid="event-card"]', { hasText: title })
  await full.waitFor()
  assert.match(await full.locator('[data-testid="event-card-seats"]').innerText(), /已满/)
  await assertFitsWidth(second, 320)
  await full.click()
  await byId(second, 'event-signup-button').click()
  await second.waitForFunction(() => /候补第 1 位|第 1 位候补/.test(document.body.innerText))
  await assertFitsWidth(second, 320)

  // The first member cancels from their registration: the seat goes to the waitlister in the same transaction.
  await byId(first, 'event-mine').click()
  await byId(first, 'registration-cancel').click()
  await dialog(first, '取消报名').getByRole('button', { name: '确认取消' }).click()
  await first.waitForFunction(() => document.querySelector('[data-testid="registration-status"]')?.textContent?.includes('已取消'))

  // The second member: 候补成功 in 消息, and a ticket on their registration.
  await open(second, NOTIFICATIONS)
  await second.locator('[data-testid="notification"]', { hasText: title }).filter({ hasText: '候补成功' }).first().waitFor()
  await second.screenshot({ path: `${SHOTS}/event-promoted-320.png`, fullPage: true })
  await open(second, EVENTS)
  await second.locator('[data-testid="event-card"]', { hasText: title }).click()
  await byId(second, 'event-mine').click()
  await byId(second, 'ticket-digits').waitFor()
  const ticket = await text(second, 'ticket-digits')
  assert.match(ticket, /^E1( \d{4}){5}$/)
  await assertFitsWidth(second, 320)
  await second.screenshot({ path: `${SHOTS}/event-ticket-320.png`, fullPage: true })

  // The clerk at the door checks the ticket in; a second scan answers 已签到 with when and by whom.
  const clerk = await newPage()
  await loginAs(clerk, 'clerk', DOOR)
  await clerk.locator('[data-testid^="door-event-"]', { hasText: title }).click()
  await byId(clerk, 'door-counts').waitFor()
  await fill(clerk, 'door-code', ticket)
  await byId(clerk, 'door-submit').click()
  await clerk.waitForFunction(() => /签到成功/.test(document.querySelector('[data-testid="door-result"]')?.textContent ?? ''))
  await clerk.screenshot({ path: `${SHOTS}/event-door.png`, fullPage: true })
  await fill(clerk, 'door-code', ticket)
  await byId(clerk, 'door-submit').click()
  await clerk.waitForFunction(() => /已签到 \d{2}:\d{2} · 店员小王/.test(document.querySelector('[data-testid="door-result"]')?.textContent ?? ''))

  // The attendee rates the event.
  await second.reload()
  await byId(second, 'feedback-form').waitFor()
  await second.locator('[data-testid="feedback-rate"] .nut-rate-item').nth(4).click()
  await second.locator('[data-testid="feedback-comment"] textarea').first().fill('讲解很细致，下次还来')
  await byId(second, 'feedback-submit').click()
  await byId(second, 'feedback-given').waitFor()
  await assertFitsWidth(second, 320)

  // The manager's results: one attended, one cancelled, the rating and the comment (the member masked).
  await byId(manager, 'event-results-link').click()
  await byId(manager, 'results-rating').waitFor()
  await manager.waitForFunction(() => /5\.0/.test(document.querySelector('[data-testid="results-rating"]')?.textContent ?? ''))
  assert.match(await text(manager, 'results-attended'), /^1\b/)
  assert.match(await text(manager, 'results-cancelled'), /^1\b/)
  assert.match(await byId(manager, 'results-comment').innerText(), /讲解很细致/)
  await assertFitsWidth(manager, 390)
  await manager.screenshot({ path: `${SHOTS}/event-results.png`, fullPage: true })
})
