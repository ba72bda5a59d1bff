import { testConfig } from '../../../tests/helpers/test-config'
import { openTestDatabase } from '../../../tests/helpers/test-db'
import { setupStore } from './setup-store'
import { changeStoreRules, readStoreRules } from './store-rules'

describe('the store’s coupon, refund and birthday rules', () => {
  it('shows the defaults, changes some, and refuses a change that makes no sense as a whole without writing it', async () => {
    const t = await openTestDatabase()
    try {
      await setupStore(t.db, { name: '测试店', pointsPerYuan: 1, growthPerYuan: 1 }, testConfig())
      const before = await readStoreRules(t.db)
      expect(before).toMatchObject({ tillAppliesTierDiscount: false, couponVoidWindowHours: 24, birthdayMinDays: 30, notifyFromHour: 9, notifyToHour: 21 })
      await expect(changeStoreRules(t.db, { birthdayPoints: 100, tillAppliesTierDiscount: true })).resolves.toMatchObject({ birthdayPoints: 100, tillAppliesTierDiscount: true })
      await expect(changeStoreRules(t.db, { notifyFromHour: 21 })).rejects.toThrow('notifyToHour: notifyFromHour must be before notifyToHour')
      await expect(changeStoreRules(t.db, { bogus: 1 } as never)).rejects.toThrow(/bogus/)
      expect(await readStoreRules(t.db)).toMatchObject({ birthdayPoints: 100, notifyFromHour: 9 })
    } finally {
      await t.close()
    }
  })
})
