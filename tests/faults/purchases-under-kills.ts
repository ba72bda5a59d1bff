import { sql } from 'drizzle-orm'
import type { Client } from 'pg'
import { findLedgerMismatches, openDatabase } from '../../src/cloud/db'

/**
 * What the three connection-loss tests share (dispatch in-process, the gateway process, a cloud-function instance):
 * purchases recorded by several workers while PostgreSQL's backends of the test database are killed, and the checks
 * that follow: the only failure a lost connection may cause is INTERNAL, and nothing answered ok is lost.
 */
export type CallOutcome = { ok: true } | { ok: false; error: { code: string } }

export interface KillLoad {
  /** Records one purchase with this receipt number through the face under test. */
  record: (receiptNo: string) => Promise<CallOutcome>
  /** Kills the backends the face under test holds; returns how many. */
  terminate: () => Promise<number>
  total: number
  workers: number
  receiptPrefix: string
  killRounds: number
  /** The pause before each kill round, growing a little so kills land at different points of a transaction. */
  pauseMs: (round: number) => number
}

/** Receipt number → 'ok' or the error code, and how many backends were killed meanwhile. */
export async function purchasesUnderKills(load: KillLoad): Promise<{ outcomes: Map<string, string>; killed: number }> {
  const outcomes = new Map<string, string>()
  let next = 0
  let loadDone = false
  const worker = async () => {
    while (next < load.total) {
      const receiptNo = `${load.receiptPrefix}${++next}`
      const result = await load.record(receiptNo)
      outcomes.set(receiptNo, result.ok ? 'ok' : result.error.code)
    }
  }
  const killer = async () => {
    let killed = 0
    for (let round = 0; round < load.killRounds && !loadDone; round++) {
      await sleep(load.pauseMs(round))
      // Not after the load: a kill then only hits idle connections, and a call checking one out before its
      // termination notice is read fails INTERNAL. That is the "calls in flight" case, not "later calls".
      if (loadDone) break
      killed += await load.terminate()
    }
    return killed
  }
  const work = Promise.all(Array.from({ length: load.workers }, worker)).finally(() => (loadDone = true))
  const [killed] = await Promise.all([killer(), work])
  // Let every killed idle connection's termination notice arrive and drop it from its pool before "later" calls.
  await sleep(200)
  return { outcomes, killed }
}

/** Kills did hit calls (else nothing was tested), and they caused INTERNAL answers only, next to some ok ones. */
export function expectOnlyInternalFailures(outcomes: Map<string, string>, killed: number): void {
  const codes = [...outcomes.values()]
  expect(killed).toBeGreaterThan(0)
  expect(codes.filter((c) => c !== 'ok' && c !== 'INTERNAL')).toEqual([])
  expect(codes.filter((c) => c === 'INTERNAL').length).toBeGreaterThan(0)
  expect(codes.filter((c) => c === 'ok').length).toBeGreaterThan(0)
}

/**
 * Every receipt answered ok is stored (an INTERNAL one may or may not be: a COMMIT can land just before its
 * connection dies), and every balance equals its ledger.
 */
export async function expectAcknowledgedStored(databaseUrl: string, outcomes: Map<string, string>): Promise<void> {
  const check = await openDatabase({ url: databaseUrl, poolMax: 1 })
  try {
    const rows = (await check.db.execute(sql`select receipt_no from purchases`)) as unknown as { rows: { receipt_no: string }[] }
    const stored = new Set(rows.rows.map((r) => r.receipt_no))
    const acknowledged = [...outcomes].filter(([, c]) => c === 'ok').map(([r]) => r)
    expect(acknowledged.filter((r) => !stored.has(r))).toEqual([])
    expect(await findLedgerMismatches(check.db)).toEqual([])
  } finally {
    await check.close()
  }
}

/** Terminates every backend of `databaseName` except the admin connection's own; returns how many. */
export async function terminateBackends(admin: Client, databaseName: string): Promise<number> {
  const { rows } = await admin.query(
    'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) t',
    [databaseName],
  )
  return rows[0].n
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A pool that has run dry never answers: fail with a reason instead of the test's timeout. */
export function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: the pool ran dry`)), ms)))
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}
