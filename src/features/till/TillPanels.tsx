import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffMemberView } from '../../contract/till'
import { formatYuan } from '../card/view-model'
import { ALREADY_RECORDED_TEXT, earnedText } from './messages'
import type { RecordResult } from './use-till'
import './TillPanels.scss'

export function MemberSummary({ member }: { member: StaffMemberView }) {
  return (
    <View className="till-member" data-testid="till-member">
      <View className="till-member__head">
        <Text className="till-member__name" data-testid="till-member-name">
          {member.nickname}
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
    </View>
  )
}

export function TillResult({ result, onNext }: { result: RecordResult; onNext: () => void }) {
  const text = result.alreadyRecorded ? ALREADY_RECORDED_TEXT : earnedText(result.pointsEarned)
  return (
    <View className={`till-result${result.alreadyRecorded ? ' till-result--repeat' : ''}`}>
      <View className="till-result__icon">{result.alreadyRecorded ? 'i' : '✓'}</View>
      <Text className="till-result__text" data-testid="till-result">
        {text}
      </Text>
      {/* The clerk checks these against the slip before handing it over. */}
      <View className="till-result__echo" data-testid="till-result-echo">
        <Text>
          金额 <Text className="till-result__echo-value" data-testid="till-result-amount">{formatYuan(result.amountFen)}</Text>
        </Text>
        <Text>
          小票号 <Text className="till-result__echo-value" data-testid="till-result-receipt">{result.receiptNo}</Text>
        </Text>
      </View>
      {!result.alreadyRecorded && result.growthEarned > 0 && <Text className="till-result__sub">成长值 +{result.growthEarned}</Text>}
      {result.promotedTo && (
        <Text className="till-result__promo" data-testid="till-promoted">
          🎉 会员已升级为{result.promotedTo.name}
        </Text>
      )}
      <Text className="till-result__sub">
        {result.member.nickname} 当前积分 {result.member.pointsBalance}
      </Text>
      <Button className="till-result__next" type="primary" size="large" block onClick={onNext} data-testid="till-next">
        下一位
      </Button>
    </View>
  )
}
