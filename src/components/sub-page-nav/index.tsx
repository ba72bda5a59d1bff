import { Text, View } from '@tarojs/components'
import { NavBar } from '@nutui/nutui-react-taro'
import { isWeapp } from '../../services/platform'
import { backOr, routes, type Route } from '../../services/nav'
import './index.scss'

/**
 * The back bar of a sub-page in the browser. WeChat draws its own navigation bar with a back arrow; the H5 build
 * has none, so a page opened from a link (or reloaded) had no way back. Back goes to the previous page, or to
 * `fallback` when there is none (a deep link). No title when the page heads itself (the till).
 */
export function SubPageNav({ title = '', fallback = routes.card }: { title?: string; fallback?: Route }) {
  if (isWeapp()) return null
  return (
    <View className="sub-page-nav" data-testid="sub-page-nav">
      <NavBar
        back={
          <Text className="sub-page-nav__back" data-testid="sub-page-back">
            ‹ 返回
          </Text>
        }
        onBackClick={() => backOr(fallback)}
      >
        <Text className="sub-page-nav__title">{title}</Text>
      </NavBar>
    </View>
  )
}
