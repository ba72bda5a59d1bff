// What every e2e file shares: one headless Chromium per file (Debian's, never a downloaded one), phone-sized
// contexts, and the few page helpers the journeys are written in. scripts/e2e.mjs serves the app and sets the URL.
import assert from 'node:assert/strict'
import { mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before } from 'node:test'
import { chromium } from 'playwright-core'

export const BASE = process.env.E2E_BASE_URL
export const SHOTS = 'artifacts/e2e'

/** A phone at `viewport` (CSS pixels), in Chinese, with touch. */
export const device = (viewport) => ({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
export const PHONE = device({ width: 390, height: 844 })

/** The file's browser, launched before its tests and closed after them (a live binding: read it inside tests). */
export let browser
before(async () => {
  assert.ok(BASE, 'E2E_BASE_URL is set by scripts/e2e.mjs')
  mkdirSync(SHOTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
})
after(async () => browser?.close())

export const byId = (page, id) => page.locator(`[data-testid="${id}"]`).first()

/** Taro renders <Input> as a web component wrapping a real <input>; type into whichever carries the test id. */
export async function fill(page, id, value) {
  await page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first().fill(value)
}

/** Opens a route and waits until Taro's router has shown the page. */
export async function open(page, route) {
  await page.goto(`${BASE}#/${route}`)
  await page.locator('.taro_page_stationed:visible').first().waitFor()
}

/** Picks a demo identity on `route`'s login panel and waits for the session (navigating earlier arrives without one). */
export async function loginAs(page, who, route = 'pages/card/index') {
  await open(page, route)
  const button = byId(page, `dev-login-${who}`)
  await button.click()
  // On a loaded machine the first tap can land before React has bound the button: tap again (a tap during the
  // login in flight is ignored by the panel), but only while the button is still there.
  for (let retry = 0; ; retry++) {
    try {
      return await button.waitFor({ state: 'hidden', timeout: 10_000 })
    } catch (error) {
      if (retry === 2) throw error
      await button.click({ timeout: 1_000 }).catch(() => {})
    }
  }
}

/**
 * Whether the page fits a `width`-px screen: the document does not scroll sideways, and no visible element pokes out
 * past the right edge (a clipped overflow would not widen the document but would still cut text off).
 */
export async function assertFitsWidth(page, width) {
  const { scrollWidth, outside } = await page.evaluate((w) => {
    const outside = []
    for (const el of document.querySelectorAll('.taro_page_stationed:not([style*="display: none"]) *')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || r.right <= w + 0.5) continue
      if (getComputedStyle(el).visibility === 'hidden') continue
      outside.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(r.right)}px`)
    }
    return { scrollWidth: document.documentElement.scrollWidth, outside: outside.slice(0, 5) }
  }, width)
  assert.ok(scrollWidth <= width, `page is ${scrollWidth}px wide on a ${width}px screen`)
  assert.deepEqual(outside, [], `elements past the right edge of a ${width}px screen`)
}

/**
 * Runs `fn` while no other e2e file runs a section under the same `name`. Files run in parallel against one seeded
 * database: a file that reads the demo member's points before and after its own purchase takes 'demo-member-points'
 * around both reads, and every other purchase for that member takes it too, so none lands in between. The lock is
 * a directory (mkdir is atomic) in a folder scripts/e2e.mjs makes for the run and removes after it.
 */
export async function exclusive(name, fn) {
  const dir = process.env.E2E_LOCK_DIR ?? join(tmpdir(), `member-center-e2e-locks-${new URL(BASE).port}`)
  mkdirSync(dir, { recursive: true })
  const lock = join(dir, name)
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      if (Date.now() > deadline) throw new Error(`e2e lock ${name} still held after 180 s`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  try {
    return await fn()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
