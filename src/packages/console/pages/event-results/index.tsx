import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { ErrorBlock, LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { useEventResults } from '../../../../features/event-publishing/use-event-results'
import { countsText, spanText, spendText, starsText, statusBadge, whenText } from '../../../../features/event-publishing/view-model'
import { ManagerGate } from '../../../../features/session/ManagerGate'
import { routes } from '../../../../services/nav'
import '../../../../features/event-publishing/event-console.scss'

/** 报名与数据 (managers, `?id=`): who came, ratings and comments (masked), the 30-day spend; 导出名单. */
export default function EventResultsPage() {
  const id = useRouter().params?.id ?? null
  return (
    <View className="page">
      <SubPageNav title="报名与数据" fallback={routes.consoleEvents} />
      <ManagerGate what="活动管理">{() => <Results id={id} />}</ManagerGate>
    </View>
  )
}

function Results({ id }: { id: string | null }) {
  const r = useEventResults(id)
  if (r.status === 'loading') return <LoadingBlock />
  if (r.status === 'error' || !r.data) return <ErrorBlock message={r.error ?? '加载失败'} onRetry={() => void r.load()} />
  const { event: ev, results: x } = r.data
  const cells: Array<[string, number, string]> = [
    ['已报名', x.registered, 'registered'],
    ['候补', x.waitlisted, 'waitlisted'],
    ['已签到', x.attended, 'attended'],
    ['未到场', x.noShows, 'no-shows'],
    ['已取消', x.cancelled, 'cancelled'],
    ['现场补签', x.walkIns, 'walk-ins'],
  ]
  return (
    <View className="event-results">
      <View className="event-results__block">
        <Text className="event-card__title">{ev.title}</Text>
        <Text className="event-card__line">{`${spanText(ev.startsAt, ev.endsAt)} · ${ev.place} · ${statusBadge(ev).text}`}</Text>
        <Text className="event-card__line">{countsText(ev)}</Text>
      </View>
      <View className="event-results__grid event-editor__gap">
        {cells.map(([label, n, key]) => (
          <View key={key} className="event-results__cell" data-testid={`results-${key}`}>
            <Text className="event-results__num">{n}</Text>
            <Text className="event-results__label">{label}</Text>
          </View>
        ))}
      </View>
      <View className="event-results__block" data-testid="results-rating">
        {x.averageRating === null ? (
          <Text>暂无评分</Text>
        ) : (
          <Text>
            <Text className="event-results__stars">{starsText(x.averageRating)}</Text>
            {` ${x.averageRating.toFixed(1)} 分（${x.ratingCount} 人评价）`}
          </Text>
        )}
        {x.comments.map((c, i) => (
          <View key={i} className="event-results__comment" data-testid="results-comment">
            <Text className="event-results__meta">{`${c.memberMasked} · ${'★'.repeat(c.rating)} · ${whenText(c.at)}`}</Text>
            <Text>{c.comment}</Text>
          </View>
        ))}
      </View>
      <View className="event-results__block" data-testid="results-spend">
        <Text>{spendText(x)}</Text>
      </View>
      <View className="event-results__block">
        <Button block type="primary" loading={r.exporting} disabled={r.exporting} onClick={() => void r.exportRoster()} data-testid="results-export">
          导出名单
        </Button>
        {r.exportNote && (
          <Text className="event-card__line" data-testid="results-export-note">
            {r.exportNote}
          </Text>
        )}
      </View>
    </View>
  )
}
