#!/usr/bin/env node
// npm run test:cloud, after `npm run build:cloud`: load the deployable bundles exactly as WeChat would (a fresh folder, only their
// own files) with a stand-in wx-server-sdk that reports an OPENID, against a scratch PostgreSQL database.
// Proves each bundle starts, finds its migrations and talks to PostgreSQL. Prints 'N passed, N failed'.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'

const root = resolve(import.meta.dirname, '..')
const adminUrl = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres'
const scratchDb = `cloud_smoke_${process.pid}`
const work = mkdtempSync(join(tmpdir(), 'cloud-smoke-'))

const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
await admin.query(`CREATE DATABASE ${scratchDb}`)
const url = new URL(adminUrl)
url.pathname = `/${scratchDb}`

// A production database is set up once with the admin CLI: the store and its default tiers.
const setup = spawnSync('npx', ['tsx', 'scripts/store-admin.ts', 'init', '--name', '冒烟测试店'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: url.toString() },
  encoding: 'utf8',
})
if (setup.status !== 0) throw new Error(`store setup failed: ${setup.stderr}`)

// The stand-in SDK: WeChat would put the caller's OPENID in the context; nothing else of the SDK is used.
const sdkDir = join(work, 'node_modules', 'wx-server-sdk')
mkdirSync(sdkDir, { recursive: true })
writeFileSync(
  join(sdkDir, 'index.js'),
  "exports.DYNAMIC_CURRENT_ENV = 'env'; exports.init = () => {}; exports.getWXContext = () => ({ OPENID: process.env.SMOKE_OPENID })",
)
process.env.DATABASE_URL = url.toString()
process.env.SMOKE_OPENID = `smoke-${process.pid}`
delete process.env.MEMBER_CODE_SECRET
delete process.env.DATA_ENCRYPTION_KEY

/** A fresh copy per load: each bundle keeps its database pool and config for its instance's lifetime. */
let copies = 0
const load = (name) => {
  const dir = join(work, `${name}-${++copies}`)
  cpSync(join(root, 'cloudfunctions', name), dir, { recursive: true })
  return createRequire(join(dir, 'index.js'))(join(dir, 'index.js')).main
}

// Without real secrets a function must refuse to run (the dev fallbacks are public): checked before they are set.
const withoutSecrets = await load('whoAmI')({}, {}).catch((error) => ({ threw: error }))
process.env.MEMBER_CODE_SECRET = 'cloud-smoke-member-code-secret'
process.env.DATA_ENCRYPTION_KEY = 'ab'.repeat(32)

const checks = [
  ['refuses to start on the public dev secrets', async () => withoutSecrets?.error?.code === 'INTERNAL'],
  ['whoAmI answers a caller with no card', async () => (await load('whoAmI')({ userInfo: {} }, {})).data?.hasCard === false],
  [
    'openCard opens a card for the WeChat caller',
    async () => (await load('openCard')({ nickname: '冒烟测试', phone: '13800138000' }, {})).data?.created === true,
  ],
  ['getMyCard returns that card', async () => /^\d{8}$/.test((await load('getMyCard')({}, {})).data?.card?.memberNo ?? '')],
  [
    "config.json grants each function the WeChat APIs its operation declares (openCard: the phone exchange)",
    async () =>
      JSON.stringify(JSON.parse(readFileSync(join(root, 'cloudfunctions/openCard/config.json'), 'utf8')).permissions.openapi) ===
        '["phonenumber.getPhoneNumber"]' &&
      JSON.parse(readFileSync(join(root, 'cloudfunctions/whoAmI/config.json'), 'utf8')).permissions.openapi.length === 0,
  ],
  ['bad input is refused with a typed error', async () => (await load('openCard')({ nickname: '' }, {})).error?.code === 'BAD_INPUT'],
]

let passed = 0
let failed = 0
for (const [name, check] of checks) {
  let ok = false
  try {
    ok = await check()
  } catch (error) {
    console.error(error)
  }
  console.log(`${ok ? 'ok' : 'FAILED'} - ${name}`)
  ok ? passed++ : failed++
}
console.log(`cloud functions: ${passed} passed, ${failed} failed`)

await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [scratchDb])
await admin.query(`DROP DATABASE IF EXISTS ${scratchDb}`)
await admin.end()
rmSync(work, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
