import type { ApiOutput } from '../../../contract'
import type { MemberRow } from '../../db/repositories/members'
import type { UseCaseContext } from '../store-context'
import { toCardView } from '../views'

export async function getMyCard(ctx: UseCaseContext, member: MemberRow): Promise<ApiOutput<'getMyCard'>> {
  return { card: toCardView(ctx, member) }
}
