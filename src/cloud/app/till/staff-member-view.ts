import type { StaffMemberView } from '../../../contract'
import { maskPhone } from '../../../domain/phone-mask'
import type { MemberRow } from '../../db/repositories/members'
import { decryptPhone } from '../personal-data'
import type { UseCaseContext } from '../store-context'
import { tierByCode, toTierView } from '../tier-view'

/** What a clerk sees of a member: the phone masked, never the birthday. */
export function toStaffMemberView(ctx: UseCaseContext, member: MemberRow): StaffMemberView {
  return {
    memberNo: member.memberNo,
    nickname: member.nickname,
    phoneMasked: maskPhone(decryptPhone(ctx.config, member.phoneEnc)),
    tier: toTierView(tierByCode(ctx.tiers, member.tierCode)),
    pointsBalance: member.pointsBalance,
    growth: member.growth,
  }
}
