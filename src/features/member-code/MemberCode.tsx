import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { copyText } from '../../services/device'
import { MemberCodeEnlarged } from './MemberCodeEnlarged'
import type { MemberCodeState } from './use-member-code'
import { countdownText, groupDigits, staleText } from './view-model'
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
  const [enlarged, setEnlarged] = useState(false)
  const digits = state.code ? groupDigits(state.code) : ''
  const shown = state.images !== null && state.status === 'ready'
  const footer = state.stale ? staleText(state.usableSecondsLeft) : state.status === 'ready' ? countdownText(state.secondsLeft) : ''
  const error = state.status === 'error' ? state.error?.message ?? '会员码加载失败' : ''
  const copy = () => {
    if (state.code) void copyText(state.code)
  }

  if (process.env.TARO_ENV === 'weapp') {
    return (
      <member-code-native
        qr={state.images?.qr ?? ''}
        barcode={state.images?.barcode ?? ''}
        digits={digits}
        countdown={footer}
        stale={state.stale}
        loading={state.status === 'loading' || state.status === 'idle'}
        error={error}
        onRefresh={onRefresh}
        onCopy={copy}
      />
    )
  }

  return (
    <View className={`member-code${state.stale ? ' member-code--stale' : ''}`} data-testid="member-code">
      <Text className="member-code__title">出示会员码</Text>
      {shown && state.images ? (
        <>
          <View className="member-code__tap" onClick={() => setEnlarged(true)} data-testid="member-code-enlarge">
            <Image className="member-code__barcode" src={state.images.barcode} mode="scaleToFill" data-testid="member-code-barcode" />
          </View>
          {/* Selectable, so a member can long-press and copy; the till also accepts the digits typed or pasted. */}
          <Text className="member-code__digits" userSelect data-testid="member-code-digits">
            {digits}
          </Text>
          <View className="member-code__tap" onClick={() => setEnlarged(true)}>
            <Image className="member-code__qr" src={state.images.qr} mode="aspectFit" data-testid="member-code-qr" />
          </View>
          <Text className="member-code__hint">轻触条码可放大</Text>
        </>
      ) : (
        <View className="member-code__placeholder">
          <Text className={error ? 'member-code__error' : ''} data-testid={error ? 'member-code-error' : 'member-code-loading'}>
            {error || '会员码加载中…'}
          </Text>
        </View>
      )}
      <View className="member-code__footer">
        <Text className={`member-code__countdown${state.stale ? ' member-code__countdown--stale' : ''}`} data-testid="member-code-countdown">
          {footer || '每分钟自动更新，截图无效'}
        </Text>
        <View className="member-code__actions">
          {shown && (
            <Button size="small" fill="outline" type="default" onClick={copy} data-testid="member-code-copy">
              复制
            </Button>
          )}
          <Button size="small" fill="outline" type="primary" loading={state.refreshing} onClick={onRefresh} data-testid="member-code-refresh">
            刷新
          </Button>
        </View>
      </View>
      <MemberCodeEnlarged visible={enlarged && shown} images={state.images} digits={digits} onClose={() => setEnlarged(false)} />
    </View>
  )
}
