import type { ApiName, ApiResult } from '../../src/contract'
import { dispatch, seedDemoData, type AppConfig, type AppDeps, type Db } from '../../src/cloud/app'
import { countRows, findLedgerMismatches, type RowCounts } from '../../src/cloud/db'
import { testConfig, TEST_START } from './test-config'
import { openTestDatabase } from './test-db'

export { TEST_START }

/** A controllable clock: codes go stale and points expire by the clock the app is given. */
export class TestClock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current)
  set(at: Date | string): void {
    this.current = new Date(at)
  }
  advanceS(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000)
  }
}

export interface AppFixture {
  db: Db
  deps: AppDeps
  config: AppConfig
  clock: TestClock
  /** Calls the real dispatch as `openid` (null = no caller). */
  call(name: ApiName | string, input: unknown, openid: string | null): Promise<ApiResult<unknown>>
  /** Calls and expects success, returning the data typed loosely for assertions. */
  ok<T = any>(name: ApiName, input: unknown, openid: string | null): Promise<T>
  counts(): Promise<RowCounts>
  close(): Promise<void>
}

/** A migrated, seeded database behind the real dispatch, with test-only secrets and a fixed clock. */
export async function createAppFixture(options: { poolMax?: number; seed?: boolean } = {}): Promise<AppFixture> {
  const seed = options.seed !== false
  // A copy of the database global setup migrated (and seeded) once for the whole run.
  const opened = await openTestDatabase({ poolMax: options.poolMax, seeded: seed })
  const config = testConfig()
  const clock = new TestClock(new Date(TEST_START))
  if (seed && !opened.seeded) await seedDemoData(opened.db, clock.now(), config)
  const deps: AppDeps = { db: opened.db, config, now: clock.now }
  const call = (name: string, input: unknown, openid: string | null) => dispatch(name, input, openid === null ? null : { openid }, deps)
  return {
    db: opened.db,
    deps,
    config,
    clock,
    call,
    ok: async (name, input, openid) => {
      const result = await call(name, input, openid)
      if (!result.ok) throw new Error(`${name} as ${openid} failed: ${JSON.stringify(result.error)}`)
      return result.data as any
    },
    counts: () => countRows(opened.db),
    close: opened.close,
  }
}

/** The invariant behind every scenario: each member's cached balance equals the sum of their ledger. */
export async function expectBalancesMatchLedger(db: Db): Promise<void> {
  expect(await findLedgerMismatches(db)).toEqual([])
}

/** A phone number of its own for each openid (one active card per phone), stable across runs. */
export function phoneFor(openid: string): string {
  let hash = 0
  for (const ch of openid) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0
  return `176${String(hash % 100_000_000).padStart(8, '0')}`
}

/** Opens a card for a new WeChat user and returns their openid and card. */
export async function openNewCard(app: AppFixture, openid: string, phone = phoneFor(openid)): Promise<{ openid: string; card: any }> {
  const { card } = await app.ok('openCard', { nickname: `测试${openid.slice(-4)}`, phone }, openid)
  return { openid, card }
}

/** A fresh signed code for the member, as their phone would show it now. */
export async function memberCodeOf(app: AppFixture, openid: string): Promise<string> {
  return (await app.ok<{ code: string }>('getMemberCode', {}, openid)).code
}
