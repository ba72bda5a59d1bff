import { DEMO_OPENIDS } from '../index'
import { createAppFixture, expectBalancesMatchLedger, type AppFixture } from '../../../../tests/helpers/app-fixture'

let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

describe('points history', () => {
  it('pages newest first with a cursor until the end, without gaps or repeats', async () => {
    const all = await app.ok('listPointsHistory', { limit: 50 }, DEMO_OPENIDS.member)
    expect(all.entries.length).toBeGreaterThan(5)
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 20; page++) {
      const result = await app.ok('listPointsHistory', cursor ? { limit: 5, cursor } : { limit: 5 }, DEMO_OPENIDS.member)
      seen.push(...result.entries.map((e: { id: string }) => e.id))
      if (!result.nextCursor) break
      expect(result.entries).toHaveLength(5)
      cursor = result.nextCursor
    }
    expect(seen).toEqual(all.entries.map((e: { id: string }) => e.id))
    const ids = seen.map(Number)
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)
    expect(all.entries[0]).toMatchObject({ reason: 'earn', note: expect.stringContaining('小票') })
  })

  it('uses 20 as the default page size', async () => {
    const result = await app.ok('listPointsHistory', {}, DEMO_OPENIDS.member)
    expect(result.entries.length).toBeLessThanOrEqual(20)
  })
})
