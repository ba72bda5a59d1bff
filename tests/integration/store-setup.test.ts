import { addStaff, DEFAULT_TIERS, setupStore } from '../../src/cloud/app'
import { createAppFixture, type AppFixture } from '../helpers/app-fixture'

// A production database starts empty: the admin CLI sets up the store, its tiers and the staff.
let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture({ seed: false })
})
afterAll(() => app.close())

describe('store setup for production', () => {
  it('leaves calls failing as INTERNAL until the store is set up', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {})
    const result = await app.call('whoAmI', {}, 'wx-openid-1')
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/not set up/) // the deployment mistake reaches the logs
    logged.mockRestore()
  })

  it('creates the store with the default tiers once, and a second setup changes nothing', async () => {
    const first = await setupStore(app.db, { name: '新店' }, app.config)
    const second = await setupStore(app.db, { name: '另一个名字' }, app.config)
    expect(first.created).toBe(true)
    expect(second).toEqual({ storeId: first.storeId, created: false })

    const opened = await app.ok('openCard', { nickname: '首位会员', phone: '13700001111' }, 'wx-openid-1')
    expect(opened.card.storeName).toBe('新店')
    expect(opened.card.tier.code).toBe(DEFAULT_TIERS[0].code)
    expect(opened.card.nextTier.minGrowth).toBe(DEFAULT_TIERS[1].minGrowth)
  })

  it('grants a staff role by OPENID once, and the till then accepts that caller', async () => {
    expect(await addStaff(app.db, 'wx-clerk-1', '店员甲', 'clerk')).toEqual({ created: true })
    expect(await addStaff(app.db, 'wx-clerk-1', '店员甲', 'clerk')).toEqual({ created: false })
    const who = await app.ok('whoAmI', {}, 'wx-clerk-1')
    expect(who.role).toBe('clerk')
  })
})
