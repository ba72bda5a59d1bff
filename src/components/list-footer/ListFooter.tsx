import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import './ListFooter.scss'

interface ListFooterProps {
  hasMore: boolean
  loadingMore: boolean
  /** The last 加载更多's failure: shown above the button, which then says 重新加载. */
  moreError: { message: string } | null
  onLoadMore: () => void
  /** The button's data-testid (each list keeps its own). */
  testId: string
}

/** The end of a paged list: 加载更多 (重新加载 after a failure, with why), or 没有更多了. */
export function ListFooter({ hasMore, loadingMore, moreError, onLoadMore, testId }: ListFooterProps) {
  return (
    <View className="list-footer">
      {moreError && <Text className="list-footer__error">{moreError.message}</Text>}
      {hasMore ? (
        <Button size="small" fill="none" loading={loadingMore} onClick={onLoadMore} data-testid={testId}>
          {moreError ? '重新加载' : '加载更多'}
        </Button>
      ) : (
        <Text className="list-footer__end">没有更多了</Text>
      )}
    </View>
  )
}
