import { AppError } from '../../../contract/errors'
import { createAppFixture, expectBalancesMatchLedger, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { balanceOf, entriesOf, lotsOf, movePoints, newLotsMember, sh } from '../../../../tests/helpers/points-lots-fixtures'
import { changeStoreRules } from '../../app/store-rules'
import { postPoints } from './points-ledger'
import { readPointsOutlook } from './points-lots'
import { pointsLedger } from '../schema'
import { eq } from 'drizzle-orm'

const E2025 = '2026-12-31T16:00:00.000Z' // 2025's points: usable until 2026-12-31 23:59:59 Shanghai
const E2026 = '2027-12-31T16:00:00.000Z'

let app: AppFixture
let n = 0
const member = () => newLotsMember(app, `wx-lots-${++n}`)

beforeAll(async () => {
  app = await createAppFixture()
})
// Σ lots.remaining = balance = Σ ledger, for every member, after every scenario.
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

describe('points lots', () => {
  it('spends the 2025 lot before the 2026 lot (FIFO by expiry)', async () => {
    const m = await member()
    await movePoints(app.db, m, 'earn', 200, sh('2026-03-01 10:00:00'))
    await movePoints(app.db, m, 'earn', 100, sh('2025-06-01 10:00:00'))
    await movePoints(app.db, m, 'redeem', -150, sh('2026-05-01 10:00:00'))
    expect(await lotsOf(app.db, m.id)).toEqual([
      [200, 150, E2026],
      [100, 0, E2025],
    ])
  })

  it('lets a spend at 2026-12-31 23:59:59 use 2025 points, and refuses one at 2027-01-01 00:00:00 even with no job, expiring them first', async () => {
    const m = await member()
    await movePoints(app.db, m, 'earn', 100, sh('2025-12-31 23:59:30'))
    await movePoints(app.db, m, 'redeem', -40, sh('2026-12-31 23:59:59'))
    expect(await lotsOf(app.db, m.id)).toEqual([[100, 60, E2025]])

    const outlook = await app.db.transaction((tx) => readPointsOutlook(tx, m.id, sh('2027-01-01 00:00:00')))
    expect(outlook).toEqual({ balance: 60, usable: 0, nextExpiry: null })

    // Inside the spend's transaction: the 'expire' entry is written first, then the debit is refused.
    const inside = await app.db.transaction(async (tx) => {
      const error = await postPoints(tx, {
        storeId: m.storeId,
        memberId: m.id,
        reason: 'redeem',
        delta: -10,
        requestId: `late-spend:${m.id}`,
        note: null,
        expiresAt: null,
        createdAt: sh('2027-01-01 00:00:00'),
      }).catch((e: unknown) => e)
      const entries = await tx.select({ reason: pointsLedger.reason, delta: pointsLedger.delta, requestId: pointsLedger.requestId }).from(pointsLedger).where(eq(pointsLedger.memberId, m.id))
      return { error, entries }
    })
    expect(inside.error).toBeInstanceOf(AppError)
    expect((inside.error as AppError).code).toBe('POINTS_INSUFFICIENT')
    expect(inside.entries.at(-1)).toEqual({ reason: 'expire', delta: -60, requestId: `expire:${m.id}:${E2025.replace('.000Z', 'Z')}` })
    expect(await balanceOf(app.db, m.id)).toBe(0)
    expect(await lotsOf(app.db, m.id)).toEqual([[100, 0, E2025]])
  })

  it('spends a 2026 lot at 2027-01-01 00:00:00 after expiring the 2025 one in the same transaction', async () => {
    const m = await member()
    await movePoints(app.db, m, 'earn', 100, sh('2025-01-01 00:00:00'))
    await movePoints(app.db, m, 'earn', 50, sh('2026-01-01 00:00:00'))
    await expect(movePoints(app.db, m, 'redeem', -60, sh('2027-01-01 00:00:00'))).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' })
    const posted = await movePoints(app.db, m, 'redeem', -30, sh('2027-01-01 00:00:00'))
    expect(posted.pointsBalance).toBe(20)
    expect(await entriesOf(app.db, m.id, 'expire')).toEqual([{ delta: -100, requestId: `expire:${m.id}:2026-12-31T16:00:00Z` }])
    expect(await lotsOf(app.db, m.id)).toEqual([
      [100, 0, E2025],
      [50, 20, E2026],
    ])
  })

  it('puts a refund back into the lots its debit took from, and what came from an expired lot into a new lot', async () => {
    const m = await member()
    await movePoints(app.db, m, 'earn', 100, sh('2025-06-01 10:00:00'))
    await movePoints(app.db, m, 'earn', 100, sh('2026-06-01 10:00:00'))
    const redeem = await movePoints(app.db, m, 'redeem', -150, sh('2026-12-20 10:00:00'))
    expect(await lotsOf(app.db, m.id)).toEqual([
      [100, 0, E2025],
      [100, 50, E2026],
    ])
    // Refunded in 2027: the 2025 lot has expired, so its 100 are not revived into it; the 2026 part goes back.
    await movePoints(app.db, m, 'refund', 150, sh('2027-01-05 10:00:00'), { reversesEntryId: redeem.entryId })
    const lots = await lotsOf(app.db, m.id)
    expect(lots.slice(0, 2)).toEqual([
      [100, 0, E2025],
      [100, 100, E2026],
    ])
    // The rest (100) becomes a lot of its own with the refund's expiry (earned in 2027).
    expect(lots[2]).toEqual([100, 100, '2028-12-31T16:00:00.000Z'])
    expect(await balanceOf(app.db, m.id)).toBe(200)
  })

  it('refunds into the very lots while they are open', async () => {
    const m = await member()
    await movePoints(app.db, m, 'earn', 100, sh('2025-06-01 10:00:00'))
    await movePoints(app.db, m, 'earn', 100, sh('2026-06-01 10:00:00'))
    const redeem = await movePoints(app.db, m, 'redeem', -150, sh('2026-07-01 10:00:00'))
    await movePoints(app.db, m, 'refund', 150, sh('2026-07-02 10:00:00'), { reversesEntryId: redeem.entryId })
    expect(await lotsOf(app.db, m.id)).toEqual([
      [100, 100, E2025],
      [100, 100, E2026],
    ])
  })

  it('takes a clawback from the lot of the earn it reverses first', async () => {
    const m = await member()
    await movePoints(app.db, m, 'earn', 100, sh('2025-06-01 10:00:00'))
    const earn = await movePoints(app.db, m, 'earn', 80, sh('2026-02-01 10:00:00'))
    await movePoints(app.db, m, 'clawback', -80, sh('2026-02-02 10:00:00'), { reversesEntryId: earn.entryId })
    expect(await lotsOf(app.db, m.id)).toEqual([
      [100, 100, E2025],
      [80, 0, E2026],
    ])
  })

  it('never goes negative: a debit beyond the usable points is refused and writes nothing', async () => {
    const m = await member()
    await movePoints(app.db, m, 'earn', 30, sh('2026-02-01 10:00:00'))
    await expect(movePoints(app.db, m, 'redeem', -31, sh('2026-02-02 10:00:00'))).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' })
    await expect(movePoints(app.db, m, 'clawback', -31, sh('2026-02-02 10:00:00'))).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' })
    expect(await balanceOf(app.db, m.id)).toBe(30)
    expect(await lotsOf(app.db, m.id)).toEqual([[30, 30, E2026]])
  })

  it('refuses a credit that would expire before it is made', async () => {
    const m = await member()
    await expect(movePoints(app.db, m, 'adjust', 10, sh('2027-01-01 00:00:00'), { expiresAt: new Date(E2025) })).rejects.toThrow(/cannot expire before/)
    await expect(movePoints(app.db, m, 'adjust', 10, new Date(E2025), { expiresAt: new Date(E2025) })).rejects.toThrow(/cannot expire before/)
    expect(await lotsOf(app.db, m.id)).toEqual([])
  })

  it('switching expiry on gives never-expiring lots one full period from the switch; switching off leaves dates alone', async () => {
    const m = await member()
    await changeStoreRules(app.db, { pointsExpiryRule: 'never' }, sh('2026-03-01 10:00:00'))
    try {
      await movePoints(app.db, m, 'earn', 70, sh('2026-03-02 10:00:00'), { expiresAt: null })
      await movePoints(app.db, m, 'earn', 30, sh('2025-03-02 10:00:00'))
      await changeStoreRules(app.db, { pointsExpiryRule: 'year_end_next' }, sh('2026-04-01 10:00:00'))
      // Earned "now" (2026) by the switch: usable to the end of 2027; the dated 2025 lot keeps its date.
      expect(await lotsOf(app.db, m.id)).toEqual([
        [70, 70, E2026],
        [30, 30, E2025],
      ])
      await changeStoreRules(app.db, { pointsExpiryRule: 'never' }, sh('2026-05-01 10:00:00'))
      expect(await lotsOf(app.db, m.id)).toEqual([
        [70, 70, E2026],
        [30, 30, E2025],
      ])
    } finally {
      await changeStoreRules(app.db, { pointsExpiryRule: 'year_end_next' }, sh('2026-06-01 10:00:00'))
    }
  })
})
