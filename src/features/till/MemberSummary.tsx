import { Text, View } from '@tarojs/components'
import type { StaffMemberView } from '../../contract/till'
import './TillPanels.scss'

interface Props {
  member: StaffMemberView
  /** Coupons the member can use now: "该会员有 N 张可用券". Omitted on the result panel. */
  usableCoupons?: number
  /** An unused birthday coupon: 🎂, so the clerk can wish a happy birthday and offer it. */
  birthday?: boolean
}

export function MemberSummary({ member, usableCoupons, birthday }: Props) {
  return (
    <View className="till-member" data-testid="till-member">
      <View className="till-member__head">
        <Text className="till-member__name" data-testid="till-member-name">
          {member.nickname}
          {birthday && (
            <Text className="till-member__birthday" data-testid="till-birthday">
              {' '}🎂
            </Text>
          )}
        </Text>
        <Text className={`till-member__tier till-member__tier--${member.tier.code}`} data-testid="till-member-tier">
          {member.tier.name}
        </Text>
      </View>
      <View className="till-member__meta">
        <Text>{member.phoneMasked}</Text>
        <Text>NO. {member.memberNo}</Text>
      </View>
      <View className="till-member__meta">
        <Text>
          积分 <Text className="till-member__points" data-testid="till-member-points">{member.pointsBalance}</Text>
        </Text>
        <Text>成长值 {member.growth}</Text>
      </View>
      {usableCoupons !== undefined && (
        <Text className="till-member__coupons" data-testid="till-coupon-count">
          {usableCoupons > 0 ? `该会员有 ${usableCoupons} 张可用券` : '该会员暂无可用券'}
          {birthday ? ' · 含生日券' : ''}
        </Text>
      )}
    </View>
  )
}
