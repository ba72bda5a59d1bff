#!/usr/bin/env node
// npm run check:weapp: a production weapp build, then WeChat's own compiler and code-quality scan on it (miniprogram-ci,
// the build core of WeChat DevTools, offline). Fails on a compile error or on any failed quality check; prints the
// scan as a table and the size of each package.
//   --no-build   check the existing dist/weapp (CI runs this right after `npm run size`, which just built it)
//   --dir PATH   check another built mini-program folder instead of dist/weapp (implies --no-build; used by tests)
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildWeappForProduction } from './lib/build.mjs'
import { checkWeappPackage, ensureWechatCi } from './lib/wechat-ci.mjs'

// What each check asks for. The scan's own sentences describe the failure ("JS compression is not turned on") even
// on a pass, so a table of them reads wrong; unknown checks (a newer miniprogram-ci) fall back to the scan's text.
const WHAT_IT_ASKS = {
  PACKAGE_SIZE_LIMIT: 'main package under 1.5 MB',
  JS_COMPRESS_OPEN: 'JS compression on (project.config.json setting.minified)',
  WXML_COMPRESS_OPEN: 'WXML compression on (setting.minifyWXML)',
  WXSS_COMPRESS_OPEN: 'WXSS compression on (setting.minifyWXSS)',
  LAZYCODE_LOADING_OPEN: 'components injected on demand (app.json lazyCodeLoading)',
  IMAGE_AND_AUDIO_LIMIT: 'images and audio under 200 KB in all',
  CONTAINS_OTHER_PKG_JS: 'no main-package JS that only subpackages use',
  CONTAINS_OTHER_PKG_COMPONENTS: 'no main-package components that only subpackages use',
  CONTAINS_UNUSED_PLUGINS: 'no unused plugins',
  CONTAINS_UNUSED_COMPONENTS: 'no unused components',
  CONTAINS_UNUSED_CODES: 'no code files that nothing uses',
}

const root = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const dirFlag = args.indexOf('--dir')
const projectDir = dirFlag >= 0 ? resolve(args[dirFlag + 1] ?? '') : join(root, 'dist', 'weapp')

if (dirFlag < 0 && !args.includes('--no-build')) {
  console.log('Building weapp (production)…')
  buildWeappForProduction(root, 'check:weapp')
}
if (!existsSync(join(projectDir, 'app.json')) || !existsSync(join(projectDir, 'project.config.json'))) {
  fail(`${projectDir} is not a built mini-program (no app.json or project.config.json): run without --no-build`)
}

ensureWechatCi()
// miniprogram-ci chatters on stdout (compiler forks, file watchers) and logs a failed look-up of an extension
// allow-list on WeChat's servers, which offline is expected and harmless: keep only what this script prints.
const print = console.log.bind(console)
const report = await quietly(() => checkWeappPackage(projectDir))

if (report.compileError) {
  fail(`WeChat's compiler refused the package:\n  ${report.compileError.split('\n').join('\n  ')}`)
}
print("WeChat's compiler: ok\n")
printTable(
  ['check', 'result', 'detail'],
  report.checks.map((c) => [c.name, c.success ? 'pass' : 'FAIL', describe(c)]),
)
print('')
printTable(
  ['package', 'files', 'size'],
  [...report.packages].map(([name, p]) => [name, String(p.files), `${(p.bytes / 1024).toFixed(1)} KB`]),
)
const failed = report.checks.filter((c) => !c.success)
if (failed.length) fail(`${failed.length} of ${report.checks.length} quality checks failed: ${failed.map((c) => c.name).join(', ')}`)
print(`\nok: all ${report.checks.length} quality checks pass`)
// miniprogram-ci leaves a file watcher running: nothing else is pending, so end here.
process.exit(0)

/** What the check asks for, plus what the scan found when it lists something (files, sizes). */
function describe(check) {
  const asks = WHAT_IT_ASKS[check.name] ?? check.text
  const found = foundItems(check.detail)
  return found ? `${asks}: ${found}` : asks
}

function foundItems(detail) {
  if (detail == null) return ''
  if (Array.isArray(detail)) return detail.map(String).join(', ')
  if (typeof detail !== 'object') return String(detail)
  if (Array.isArray(detail.files)) return detail.files.map(String).join(', ')
  // Package sizes: { __APP__: bytes, 'packages/member/': bytes }.
  return Object.entries(detail)
    .map(([k, v]) => `${k === '__APP__' ? 'main' : k.replace(/\/$/, '')} ${typeof v === 'number' ? `${(v / 1024).toFixed(0)} KB` : String(v)}`)
    .join(', ')
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ')
  print(line(header))
  print(line(widths.map((w) => '-'.repeat(w))))
  for (const row of rows) print(line(row))
}

async function quietly(work) {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error }
  const silence = () => {}
  Object.assign(console, { log: silence, info: silence, warn: silence, error: silence })
  try {
    return await work()
  } finally {
    Object.assign(console, saved)
  }
}

function fail(message) {
  console.error(`check:weapp: ${message}`)
  process.exit(1)
}
