/**
 * npm run store -- <command>: one-off setup of a production database (DATABASE_URL), e.g. before the first
 * WeChat cloud-function call. Migrations run on connect.
 *
 *   npm run store -- init --name 拾光咖啡 [--points-per-yuan 1] [--growth-per-yuan 1]
 *   npm run store -- add-staff --openid <WeChat OPENID> --name 王小二 --role clerk|manager|admin
 *   npm run store -- backfill-phone-hashes   (once after migration 0002; openCard also catches up in batches)
 *   npm run store -- set-template --kind points_credited --template-id <WeChat template id>
 *                     --fields thing1=title,number2=points,number3=balance,time4=at [--page packages/member/pages/notifications/index]
 *     (template key = value shown; the key's type, thing/number/time/amount/…, decides its format and limits)
 *   npm run store -- rules [--set birthdayPoints=100,tillAppliesTierDiscount=true,notifyFromHour=9 …]
 *     (shows the coupon, refund and birthday rules; --set changes some of them, checked as a whole)
 */
import { parseArgs } from 'node:util'
import { addStaff, backfillAllPhoneHashes, changeStoreRules, loadConfig, openDatabase, readStoreRules, setNotificationTemplate, setupStore } from '../src/cloud/app'
import { NOTIFICATION_KINDS, STAFF_ROLES as ROLES } from '../src/contract/enums'
import { describeError } from '../src/cloud/db/loggable-error'

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2)
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      openid: { type: 'string' },
      role: { type: 'string' },
      'points-per-yuan': { type: 'string' },
      'growth-per-yuan': { type: 'string' },
      kind: { type: 'string' },
      'template-id': { type: 'string' },
      fields: { type: 'string' },
      page: { type: 'string' },
      set: { type: 'string' },
    },
  })
  const url = process.env.DATABASE_URL
  if (!url) fail('DATABASE_URL is required (the PostgreSQL server the cloud functions use)')
  if (!['init', 'add-staff', 'backfill-phone-hashes', 'set-template', 'rules'].includes(command ?? ''))
    fail(
      'usage: npm run store -- init --name <store> | add-staff --openid <id> --name <name> --role clerk|manager|admin | backfill-phone-hashes\n' +
        '       | set-template --kind points_credited --template-id <id> --fields thing1=title,number2=points [--page <path>]\n' +
        '       | rules [--set birthdayPoints=100,tillAppliesTierDiscount=true]',
    )

  const database = await openDatabase({ url, poolMax: 1 })
  try {
    if (command === 'init') {
      if (!values.name) fail('--name is required')
      const result = await setupStore(
        database.db,
        { name: values.name, pointsPerYuan: positiveInt(values['points-per-yuan'], 1), growthPerYuan: positiveInt(values['growth-per-yuan'], 1) },
        loadConfig(process.env),
      )
      console.log(result.created ? `store created (id ${result.storeId}) with the default tiers` : 'store already set up: nothing changed')
    } else if (command === 'set-template') {
      const kind = NOTIFICATION_KINDS.find((k) => k === values.kind)
      if (!kind || !values['template-id'] || !values.fields) fail(`--kind ${NOTIFICATION_KINDS.join('|')}, --template-id and --fields are required`)
      const fields = Object.fromEntries(
        values.fields.split(',').map((pair) => {
          const [key, source] = pair.split('=').map((s) => s.trim())
          if (!key || !source) fail(`--fields: expected key=value pairs such as thing1=title, got "${pair}"`)
          return [key, source]
        }),
      )
      await setNotificationTemplate(database.db, { kind, templateId: values['template-id'], fields, page: values.page ?? null }).catch((error: Error) =>
        fail(error.message),
      )
      console.log(`template for ${kind} set: ${values['template-id']} (${Object.keys(fields).join(', ')})`)
    } else if (command === 'rules') {
      const change = values.set ? parseRuleChange(values.set) : {}
      const rules = values.set ? await changeStoreRules(database.db, change).catch((error: Error) => fail(error.message)) : await readStoreRules(database.db)
      if (!rules) fail('the store is not set up: npm run store -- init --name <store>')
      console.table(rules)
    } else if (command === 'backfill-phone-hashes') {
      const seen = await backfillAllPhoneHashes(database.db, loadConfig(process.env))
      console.log(`looked at ${seen} cards without a phone hash (any left null share a phone with another active card: see the log)`)
    } else {
      const role = ROLES.find((r) => r === values.role)
      if (!values.openid || !values.name || !role) fail('--openid, --name and --role clerk|manager|admin are required')
      const result = await addStaff(database.db, values.openid, values.name, role)
      console.log(result.created ? `staff ${values.name} added as ${role}` : 'that OPENID is already staff: nothing changed')
    }
  } finally {
    await database.close()
  }
}

/** 'a=1,b=true' → { a: 1, b: true }: numbers and booleans only (every rule is one or the other). */
function parseRuleChange(text: string): Record<string, number | boolean> {
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [key, raw] = pair.split('=').map((s) => s.trim())
      if (!key || raw === undefined) fail(`--set: expected name=value pairs, got "${pair}"`)
      const value = raw === 'true' ? true : raw === 'false' ? false : Number(raw)
      if (typeof value === 'number' && !Number.isFinite(value)) fail(`--set: ${key} needs a number or true/false, got "${raw}"`)
      return [key, value]
    }),
  )
}

function positiveInt(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > 100) fail(`expected a whole number from 1 to 100, got ${text}`)
  return n
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

main().catch((error) => {
  // Never the error object: drizzle's "Failed query … params" would print members' data.
  console.error(`failed: ${describeError(error)}`)
  process.exit(1)
})
