import { View } from '@tarojs/components'

export default function Placeholder() {
  return <View>…</View>
}
