import { AppError } from '../../../contract'
import { findMemberRegistration } from '../../db/repositories/event-listings'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { toRegistrationView } from './event-views'

/** One of the caller's registrations, with its ticket code while it holds a seat. Another member's is simply not found. */
export const getMyRegistration = defineOperation({
  name: 'getMyRegistration',
  access: 'member',
  run: async (ctx, member, input) => {
    const id = rowId(input.registrationId)
    const row = id === null ? null : await findMemberRegistration(ctx.tx, ctx.store.id, member.id, id)
    if (!row) throw new AppError('REGISTRATION_NOT_FOUND')
    return { registration: toRegistrationView(ctx, row, { withTicket: true }) }
  },
})
