import { View } from '@tarojs/components'

// Placeholder while the page is being built (issue 8).
export default function Page() {
  return <View className="page">…</View>
}
