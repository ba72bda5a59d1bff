import { listWallet, walletCounts } from '../../db/repositories/member-coupons'
import { defineOperation } from '../operation'
import { toMemberCouponView } from './coupon-view'
import { decodeWalletCursor, encodeWalletCursor } from './wallet-cursor'

/** 我的券包, one tab a page at a time, with the three badges. Never the codes (getMyCoupon shows one). */
export const listMyCoupons = defineOperation({
  name: 'listMyCoupons',
  access: 'member',
  run: async (ctx, member, input) => {
    const cursor = decodeWalletCursor(input.cursor)
    // One row more than asked tells whether there is a next page.
    const rows = await listWallet(ctx.tx, member.id, input.tab, ctx.now, cursor, input.limit + 1)
    const page = rows.slice(0, input.limit)
    const counts = await walletCounts(ctx.tx, member.id, ctx.now)
    return {
      coupons: page.map((c) => toMemberCouponView(ctx, c, member.tierCode)),
      nextCursor: rows.length > input.limit ? encodeWalletCursor(input.tab, page[page.length - 1]) : null,
      counts,
    }
  },
})
