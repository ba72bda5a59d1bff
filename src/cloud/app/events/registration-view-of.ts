import type { RegistrationView } from '../../../contract'
import { findMemberRegistration } from '../../db/repositories/event-listings'
import type { UseCaseContext } from '../store-context'
import { toRegistrationView } from './event-views'

/** The member's registration as it stands now in this transaction, for a write's answer. */
export async function registrationViewOf(ctx: UseCaseContext, memberId: number, registrationId: number): Promise<RegistrationView> {
  const row = await findMemberRegistration(ctx.tx, ctx.store.id, memberId, registrationId)
  if (!row) throw new Error(`registration ${registrationId} of member ${memberId} vanished`)
  return toRegistrationView(ctx, row)
}
