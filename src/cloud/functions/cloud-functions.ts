import type { Operation } from '../app/operation'
import { operations } from '../app/registry'
import { JOBS_WECHAT_APIS } from '../jobs/registry'
import { JOBS_TIMER_TRIGGER } from '../jobs/wechat-timer'

/**
 * The WeChat cloud functions to deploy, as `npm run build:cloud` writes them into `cloudfunctions/<name>/`:
 * one per group of operations (from the registry: each operation's `group`), plus the functions listed in
 * EXTRA_FUNCTIONS (their own entry, e.g. the jobs timer). Nothing here is hand-written per operation.
 */

/** WeChat's default 3 s is too short for a cold start that connects to PostgreSQL and checks migrations. */
export const FUNCTION_TIMEOUT_S = 20

/** A WeChat timer trigger (config.json `triggers`): `config` is a 7-field cron (second minute hour day month week year). */
export interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

/** A deployed function's config.json, as WeChat reads it. */
export interface FunctionConfig {
  timeout: number
  /** Cloud-call permissions (云调用) for WeChat's server API. */
  permissions: { openapi: string[] }
  triggers?: TimerTrigger[]
}

/** A function that is not a group of operations: its own entry module and config. */
export interface ExtraFunction {
  name: string
  /** A module, from the repository root, that exports WeChat's `main(event, context)`. */
  entry: string
  wechatApis?: readonly string[]
  timeout?: number
  triggers?: readonly TimerTrigger[]
}

/**
 * Functions that serve no client call. The scheduled jobs: one function, fired by its one timer every 5 minutes
 * (UTC+8), runs whatever is due in the store's time zone; 60 s, the most WeChat's console allows, with the
 * handler stopping new chunks at 45 s.
 */
export const EXTRA_FUNCTIONS: readonly ExtraFunction[] = [
  { name: 'jobs', entry: 'src/cloud/wechat/jobs-function.ts', timeout: 60, wechatApis: JOBS_WECHAT_APIS, triggers: [JOBS_TIMER_TRIGGER] },
]

export interface FunctionSpec {
  name: string
  /** The bundle's entry (esbuild stdin, resolved from the repository root): exports `main`. */
  entrySource: string
  config: FunctionConfig
  /** The operations it serves (none for an extra function). */
  operations: string[]
}

/** WeChat's rule for function and trigger names; also keeps a name safe as a folder name. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/** Every function to deploy, in a stable order: the operation groups, then the extras. Pure: tests pass their own lists. */
export function cloudFunctionSpecs(ops: readonly Pick<Operation, 'name' | 'group' | 'wechatApis'>[] = operations, extras: readonly ExtraFunction[] = EXTRA_FUNCTIONS): FunctionSpec[] {
  const groups = new Map<string, Array<Pick<Operation, 'name' | 'wechatApis'>>>()
  for (const op of ops) groups.set(op.group, [...(groups.get(op.group) ?? []), op])
  const specs: FunctionSpec[] = [...groups].map(([group, members]) => ({
    name: group,
    entrySource: `import { createCloudFunction } from './src/cloud/wechat/cloud-function'\nexport const main = createCloudFunction(${JSON.stringify(group)})\n`,
    config: functionConfig({ wechatApis: members.flatMap((op) => op.wechatApis) }),
    operations: members.map((op) => op.name),
  }))
  for (const extra of extras) {
    specs.push({
      name: extra.name,
      entrySource: `export { main } from ${JSON.stringify(`./${extra.entry.replace(/\.ts$/, '')}`)}\n`,
      config: functionConfig(extra),
      operations: [],
    })
  }
  const seen = new Set<string>()
  for (const { name } of specs) {
    if (!FUNCTION_NAME.test(name)) throw new Error(`cloud function name ${JSON.stringify(name)} is not one WeChat accepts`)
    if (seen.has(name)) throw new Error(`two cloud functions are named ${name}`)
    seen.add(name)
  }
  return specs
}

/** config.json: the timeout, the union of the WeChat APIs its code calls, and its timer triggers if any. */
export function functionConfig(fn: { wechatApis?: readonly string[]; timeout?: number; triggers?: readonly TimerTrigger[] }): FunctionConfig {
  const config: FunctionConfig = {
    timeout: fn.timeout ?? FUNCTION_TIMEOUT_S,
    permissions: { openapi: [...new Set(fn.wechatApis ?? [])].sort() },
  }
  if (fn.triggers?.length) {
    // What WeChat refuses only at upload time, refused here at build time instead.
    if (fn.triggers.length > 1) throw new Error('WeChat allows one timer trigger per cloud function')
    for (const trigger of fn.triggers) {
      if (!FUNCTION_NAME.test(trigger.name)) throw new Error(`trigger name ${JSON.stringify(trigger.name)} is not one WeChat accepts`)
      // WeChat's timer cron has 7 fields; a 5- or 6-field crontab line would be refused.
      if (trigger.type !== 'timer' || trigger.config.trim().split(/\s+/).length !== 7) {
        throw new Error(`trigger ${trigger.name}: WeChat timers need a 7-field cron (second minute hour day month week year), got "${trigger.config}"`)
      }
    }
    config.triggers = fn.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config }))
  }
  return config
}
