import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MemberCodeState } from './use-member-code'
import { countdownText, groupDigits } from './view-model'
import './MemberCode.scss'

interface Props {
  state: MemberCodeState
  onRefresh: () => void
}

/**
 * The member code panel. On weapp it is the native custom component `member-code-native` (declared in the card
 * page's usingComponents and tested with miniprogram-simulate); on H5 the same markup is drawn with Taro
 * components. Both receive the same ready-made image data URIs and digits from useMemberCode.
 */
export function MemberCode({ state, onRefresh }: Props) {
  const digits = state.code ? groupDigits(state.code) : ''
  const countdown = state.status === 'ready' ? countdownText(state.secondsLeft) : ''
  const error = state.status === 'error' ? state.error?.message ?? '会员码加载失败' : ''

  if (process.env.TARO_ENV === 'weapp') {
    return (
      <member-code-native
        qr={state.images?.qr ?? ''}
        barcode={state.images?.barcode ?? ''}
        digits={digits}
        countdown={countdown}
        loading={state.status === 'loading' || state.status === 'idle'}
        error={error}
        onRefresh={onRefresh}
      />
    )
  }

  return (
    <View className="member-code" data-testid="member-code">
      <Text className="member-code__title">出示会员码</Text>
      {state.images && state.status === 'ready' ? (
        <>
          <Image className="member-code__barcode" src={state.images.barcode} mode="scaleToFill" data-testid="member-code-barcode" />
          <Text className="member-code__digits" data-testid="member-code-digits">
            {digits}
          </Text>
          <Image className="member-code__qr" src={state.images.qr} mode="aspectFit" data-testid="member-code-qr" />
        </>
      ) : (
        <View className="member-code__placeholder">
          <Text className={error ? 'member-code__error' : ''} data-testid={error ? 'member-code-error' : 'member-code-loading'}>
            {error || '会员码加载中…'}
          </Text>
        </View>
      )}
      <View className="member-code__footer">
        <Text className="member-code__countdown" data-testid="member-code-countdown">
          {countdown || '每分钟自动更新，截图无效'}
        </Text>
        <Button size="small" fill="outline" type="primary" loading={state.refreshing} onClick={onRefresh} data-testid="member-code-refresh">
          刷新
        </Button>
      </View>
    </View>
  )
}
