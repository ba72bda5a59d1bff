import { Image, Text, View } from '@tarojs/components'
import { Overlay } from '@nutui/nutui-react-taro'
import type { CodeImages } from './encode'

interface Props {
  visible: boolean
  images: CodeImages | null
  digits: string
  onClose: () => void
}

/**
 * The code full screen on white, for a scanner held at arm's length or a clerk reading the digits aloud. The
 * screen is already at full brightness while the code shows (useMemberCode); any tap closes it.
 */
export function MemberCodeEnlarged({ visible, images, digits, onClose }: Props) {
  return (
    <Overlay visible={visible && images !== null} onClick={onClose} zIndex={2000} duration={0}>
      {images && (
        <View className="member-code-big" data-testid="member-code-big">
          <Image className="member-code-big__barcode" src={images.barcode} mode="scaleToFill" />
          <Text className="member-code-big__digits" userSelect>
            {digits}
          </Text>
          <Image className="member-code-big__qr" src={images.qr} mode="aspectFit" />
          <Text className="member-code-big__hint">轻触任意处关闭</Text>
        </View>
      )}
    </Overlay>
  )
}
