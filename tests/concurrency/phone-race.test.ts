import { eq } from 'drizzle-orm'
import { members } from '../../src/cloud/db/schema'
import { createAppFixture, type AppFixture } from '../helpers/app-fixture'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): one active card per phone must hold when many WeChat users race.
let app: AppFixture
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
})
afterAll(async () => app?.close())

type Result = { ok: true; data: { created: boolean } } | { ok: false; error: { code: string; message: string } }

describe('opening cards for one phone concurrently', () => {
  it('gives the phone to exactly one of 20 WeChat users opening at the same moment; the rest get PHONE_ALREADY_MEMBER', async () => {
    for (let round = 1; round <= 5; round++) {
      const phone = `1330000${String(round).padStart(4, '0')}`
      const results = (await Promise.all(
        Array.from({ length: 20 }, (_, i) => app.call('openCard', { nickname: `抢号${i}`, phone }, `wx-phone-race-${round}-${i}`)),
      )) as Result[]
      const created = results.filter((r) => r.ok && r.data.created)
      const refused = results.filter((r) => !r.ok)
      expect(created).toHaveLength(1)
      expect(refused).toHaveLength(19)
      for (const r of refused) expect(r).toEqual({ ok: false, error: { code: 'PHONE_ALREADY_MEMBER', message: '该手机号已开通会员卡' } })
    }
    const raced = await app.db.select({ openid: members.openid, phoneHash: members.phoneHash }).from(members).where(eq(members.status, 'active'))
    const hashes = raced.filter((m) => m.openid.startsWith('wx-phone-race-')).map((m) => m.phoneHash)
    expect(hashes).toHaveLength(5)
    expect(new Set(hashes).size).toBe(5)
  })
})
