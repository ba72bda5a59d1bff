#!/usr/bin/env node
// npm run test:cloud, after `npm run build:cloud`: load the deployable group bundles (cloudfunctions/<group>/) exactly as
// WeChat would (a fresh folder, only their own files) with a stand-in wx-server-sdk that reports an OPENID, against a
// scratch PostgreSQL database, and call them as the client does: { op, input }. Proves each bundle starts, finds its
// migrations, talks to PostgreSQL, serves its own operations and refuses the others, and that each config.json
// carries the timeout and its operations' WeChat permissions. Prints 'N passed, N failed'.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

const MEMBER_OPENID = `smoke-member-${process.pid}`
const CLERK_OPENID = `smoke-clerk-${process.pid}`

// A production database is set up once with the admin CLI: the store and its default tiers, then a clerk.
for (const args of [
  ['init', '--name', '冒烟测试店'],
  ['add-staff', '--openid', CLERK_OPENID, '--name', '冒烟店员', '--role', 'clerk'],
  ['set-template', '--kind', 'points_credited', '--template-id', 'SMOKE-TEMPLATE', '--fields', 'thing1=title,number2=points'],
]) {
  const setup = spawnSync('npx', ['tsx', 'scripts/store-admin.ts', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url.toString() }, encoding: 'utf8' })
  if (setup.status !== 0) throw new Error(`store ${args[0]} failed: ${setup.stderr}`)
}

// The stand-in SDK: WeChat would put the caller's OPENID in the context; subscription messages the jobs function
// sends are recorded on globalThis (every bundle requires this same module).
const sdkDir = join(work, 'node_modules', 'wx-server-sdk')
mkdirSync(sdkDir, { recursive: true })
writeFileSync(
  join(sdkDir, 'index.js'),
  "exports.DYNAMIC_CURRENT_ENV = 'env'; exports.init = () => {}; exports.getWXContext = () => ({ OPENID: process.env.SMOKE_OPENID });" +
    ' globalThis.smokeSent = []; exports.openapi = { subscribeMessage: { send: async (m) => { globalThis.smokeSent.push(m); return { errCode: 0 } } } }',
)
process.env.DATABASE_URL = url.toString()
delete process.env.MEMBER_CODE_SECRET
delete process.env.DATA_ENCRYPTION_KEY

/** A fresh copy per load: each bundle keeps its database pool and config for its instance's lifetime. */
let copies = 0
const load = (name) => {
  const dir = join(work, `${name}-${++copies}`)
  cpSync(join(root, 'cloudfunctions', name), dir, { recursive: true })
  return createRequire(join(dir, 'index.js'))(join(dir, 'index.js')).main
}
/** One warm instance per group, reused across calls as WeChat reuses an instance (and its pool). */
const member = load('member')
const staff = load('staff')
/** A call as the client makes it (WeChat adds userInfo beside the data), from the given WeChat user. */
const call = (fn, openid, op, input = {}) => {
  process.env.SMOKE_OPENID = openid
  return fn({ op, input, userInfo: { appId: 'wx-smoke', openId: 'not-to-be-trusted' } }, {})
}
const config = (name) => JSON.parse(readFileSync(join(root, 'cloudfunctions', name, 'config.json'), 'utf8'))

// Without real secrets a function must refuse to run (the dev fallbacks are public): checked before they are set.
const withoutSecrets = await call(load('member'), MEMBER_OPENID, 'whoAmI').catch((error) => ({ threw: error }))
process.env.MEMBER_CODE_SECRET = 'cloud-smoke-member-code-secret'
process.env.DATA_ENCRYPTION_KEY = 'ab'.repeat(32)

let memberCode = ''
let ticket = ''
const checks = [
  ['refuses to start on the public dev secrets', async () => withoutSecrets?.error?.code === 'INTERNAL'],
  [
    'build:cloud made one function per group and the jobs function, none per operation',
    async () => JSON.stringify(readdirSync(join(root, 'cloudfunctions')).sort()) === '["console","jobs","member","staff"]',
  ],
  ['member: whoAmI answers a caller with no card', async () => (await call(member, MEMBER_OPENID, 'whoAmI')).data?.hasCard === false],
  [
    'member: openCard opens a card for the WeChat caller',
    async () => (await call(member, MEMBER_OPENID, 'openCard', { nickname: '冒烟测试', phone: '13800138000' })).data?.created === true,
  ],
  ['member: getMyCard returns that card', async () => /^\d{8}$/.test((await call(member, MEMBER_OPENID, 'getMyCard')).data?.card?.memberNo ?? '')],
  [
    'member: getMemberCode signs a 24-digit code',
    async () => /^\d{24}$/.test((memberCode = (await call(member, MEMBER_OPENID, 'getMemberCode')).data?.code ?? '')),
  ],
  ['member: bad input is refused with a typed error', async () => (await call(member, MEMBER_OPENID, 'openCard', { nickname: '' })).error?.code === 'BAD_INPUT'],
  [
    'member: refuses a staff operation (UNKNOWN_FUNCTION), even from a clerk',
    async () => (await call(member, CLERK_OPENID, 'staffLookupMember', { memberCode })).error?.code === 'UNKNOWN_FUNCTION',
  ],
  [
    'member: refuses the old per-operation call shape',
    async () => (await member({ nickname: '冒烟测试', phone: '13800138000', userInfo: {} }, {})).error?.code === 'UNKNOWN_FUNCTION',
  ],
  [
    'staff: a clerk looks the member up by the code',
    async () => {
      const result = await call(staff, CLERK_OPENID, 'staffLookupMember', { memberCode })
      ticket = result.data?.ticket ?? ''
      return result.data?.member?.memberNo === memberCode.slice(0, 8) && ticket.length > 0
    },
  ],
  [
    'member: records a subscription consent for 积分到账 (the template set with the store CLI)',
    async () => {
      const input = { requestId: `smoke-${process.pid}`, results: [{ kind: 'points_credited', result: 'accept' }] }
      const result = await call(member, MEMBER_OPENID, 'recordSubscriptionConsent', input)
      return result.data?.templates?.some((t) => t.templateId === 'SMOKE-TEMPLATE') === true
    },
  ],
  [
    'staff: a clerk records a purchase against the ticket; the member sees the points',
    async () => {
      const recorded = await call(staff, CLERK_OPENID, 'staffRecordPurchase', { ticket, receiptNo: 'SMOKE-1', amountFen: 12_800 })
      const card = await call(member, MEMBER_OPENID, 'getMyCard')
      return recorded.data?.pointsEarned > 0 && card.data?.card?.pointsBalance === recorded.data.pointsEarned
    },
  ],
  [
    'jobs: a timer tick delivers the queued 积分到账 as one subscription message, and a second tick sends nothing more',
    async () => {
      const jobs = load('jobs')
      await jobs({ Type: 'Timer', TriggerName: 'jobsTimer', Time: new Date().toISOString() }, {})
      await jobs({ Type: 'Timer', TriggerName: 'jobsTimer', Time: new Date().toISOString() }, {})
      const sent = globalThis.smokeSent ?? []
      return sent.length === 1 && sent[0].templateId === 'SMOKE-TEMPLATE' && sent[0].touser === MEMBER_OPENID
    },
  ],
  [
    'console: refuses a clerk (FORBIDDEN: coupon templates are for managers) and a member operation (UNKNOWN_FUNCTION)',
    async () => {
      const console_ = load('console')
      const clerk = await call(console_, CLERK_OPENID, 'listCouponTemplates', {})
      const memberOp = await call(console_, MEMBER_OPENID, 'getMyCard')
      return clerk.error?.code === 'FORBIDDEN' && memberOp.error?.code === 'UNKNOWN_FUNCTION'
    },
  ],
  ['staff: refuses a member (FORBIDDEN)', async () => (await call(staff, MEMBER_OPENID, 'staffLookupMember', { memberCode })).error?.code === 'FORBIDDEN'],
  ['staff: refuses a member operation (UNKNOWN_FUNCTION)', async () => (await call(staff, MEMBER_OPENID, 'getMyCard')).error?.code === 'UNKNOWN_FUNCTION'],
  [
    "config.json: the member function has its operations' WeChat APIs (openCard's phone exchange), staff none; 20 s timeouts",
    async () =>
      JSON.stringify(config('member').permissions.openapi) === '["phonenumber.getPhoneNumber"]' &&
      JSON.stringify(config('staff').permissions.openapi) === '[]' &&
      config('member').timeout === 20 &&
      config('staff').timeout === 20 &&
      !('triggers' in config('member')),
  ],
  [
    'config.json: the jobs function may send subscription messages, has one 7-field timer and a 60 s timeout',
    async () =>
      JSON.stringify(config('jobs').permissions.openapi) === '["subscribeMessage.send"]' &&
      config('jobs').triggers?.length === 1 &&
      config('jobs').triggers[0].config.split(' ').length === 7 &&
      config('jobs').timeout === 60,
  ],
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
