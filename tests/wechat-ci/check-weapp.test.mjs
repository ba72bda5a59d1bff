// `npm run check:weapp` runs WeChat's own compiler and quality scan (miniprogram-ci) on a built mini-program. These
// tests run the real script on a small native mini-program written here, intact and then broken in the ways the
// compiler or the scan must refuse, so a checker that passes everything (or nothing) fails here.
// Run by `npm run test:check-weapp` (node's test runner); the first run installs tools/wechat-ci.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { ensureWechatCi } from '../../scripts/lib/wechat-ci.mjs'

const root = resolve(import.meta.dirname, '..', '..')
const scratch = mkdtempSync(join(tmpdir(), 'check-weapp-test-'))

before(() => ensureWechatCi())
after(() => rmSync(scratch, { recursive: true, force: true }))

/** A one-page native mini-program that passes every check, with `change` applied to its files. */
function writeMiniProgram(name, change = (files) => files) {
  const files = change({
    'app.json': { pages: ['pages/index/index'], lazyCodeLoading: 'requiredComponents', window: { navigationBarTitleText: '会员中心' } },
    'app.js': 'App({})\n',
    'app.wxss': '.page { padding: 16rpx; }\n',
    'project.config.json': {
      appid: 'touristappid',
      compileType: 'miniprogram',
      setting: { es6: false, minified: true, minifyWXML: true, minifyWXSS: true },
    },
    'pages/index/index.json': {},
    'pages/index/index.js': "Page({ data: { title: '会员卡' } })\n",
    'pages/index/index.wxml': '<view class="page">{{title}}</view>\n',
    'pages/index/index.wxss': '.page { color: #333; }\n',
  })
  const dir = join(scratch, name)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  }
  return dir
}

function checkWeapp(dir) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'check-weapp.mjs'), '--dir', dir], { cwd: root })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }))
  })
}

describe('check:weapp', { concurrency: true }, () => {
  test('passes an intact mini-program and prints the scan and the package sizes', async () => {
    const result = await checkWeapp(writeMiniProgram('intact'))
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /WeChat's compiler: ok/)
    assert.match(result.stdout, /^JS_COMPRESS_OPEN +pass/m)
    assert.match(result.stdout, /^main package +\d+ +[\d.]+ KB$/m)
    assert.match(result.stdout, /ok: all \d+ quality checks pass/)
  })

  test('fails when app.json lists a page whose files are missing', async () => {
    const dir = writeMiniProgram('missing-page', (files) => ({
      ...files,
      'app.json': { ...files['app.json'], pages: [...files['app.json'].pages, 'pages/gone/index'] },
    }))
    const result = await checkWeapp(dir)
    assert.equal(result.code, 1)
    assert.match(result.stderr, /WeChat's compiler refused the package/)
    assert.match(result.stderr, /could not find the corresponding file/)
    assert.doesNotMatch(result.stdout, /compiler: ok/)
  })

  // The compiler only parses JS when it minifies it, which project.config.json turns on (and this scan demands).
  test('fails when a page is not valid JavaScript', async () => {
    const dir = writeMiniProgram('bad-js', (files) => ({ ...files, 'pages/index/index.js': 'Page({ data: { title: ' }))
    const result = await checkWeapp(dir)
    assert.equal(result.code, 1)
    assert.match(result.stderr, /WeChat's compiler refused the package/)
    assert.match(result.stderr, /miniprogram-ci error \d+/)
  })

  test('fails, naming the check, when a quality check fails (JS compression off)', async () => {
    const dir = writeMiniProgram('not-minified', (files) => ({
      ...files,
      'project.config.json': { ...files['project.config.json'], setting: { ...files['project.config.json'].setting, minified: false } },
    }))
    const result = await checkWeapp(dir)
    assert.equal(result.code, 1)
    assert.match(result.stdout, /^JS_COMPRESS_OPEN +FAIL/m)
    assert.match(result.stdout, /^WXML_COMPRESS_OPEN +pass/m)
    assert.match(result.stderr, /1 of \d+ quality checks failed: JS_COMPRESS_OPEN/)
  })
})
