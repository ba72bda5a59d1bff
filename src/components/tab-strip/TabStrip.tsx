import { Text, View } from '@tarojs/components'
import './TabStrip.scss'

interface Props<T extends string> {
  tabs: readonly T[]
  current: T
  /** The tab's title (it may carry a count: 可用(3)). */
  title: (tab: T) => string
  onChange: (tab: T) => void
  /** `<testId>-tabs` on the strip, `<testId>-tab-<tab>` on each tab. */
  testId: string
  className?: string
}

/** The equal-width tab strip of the member's lists (我的券包, 我的兑换, 我的活动); tapping the current tab does nothing. */
export function TabStrip<T extends string>({ tabs, current, title, onChange, testId, className }: Props<T>) {
  return (
    <View className={`tab-strip${className ? ` ${className}` : ''}`} data-testid={`${testId}-tabs`}>
      {tabs.map((tab) => (
        <View
          key={tab}
          className={`tab-strip__tab${tab === current ? ' tab-strip__tab--active' : ''}`}
          onClick={() => tab !== current && onChange(tab)}
          data-testid={`${testId}-tab-${tab}`}
        >
          <Text>{title(tab)}</Text>
        </View>
      ))}
    </View>
  )
}
