import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { EmptyBlock, ErrorBlock, LoadingBlock, OfflineBanner } from '../../components/state-view'
import { TextField } from '../../components/text-field'
import { ChoiceRow } from '../coupon-templates/ChoiceRow'
import { ConfirmSheet } from '../till/ConfirmSheet'
import { DoorEntryRow } from './DoorEntryRow'
import { DoorScanner } from './DoorScanner'
import type { DoorList } from './use-door-list'
import { useDoorScan } from './use-door-scan'
import { DOOR_FILTERS, doorCountsText, entryStatusText, filterEntries, spanText, whenText, type DoorFilter } from './view-model'
import './door.scss'

/** The chosen event's door: the counts, the scanner and its answer, then the list (filter, search, 撤销签到). */
export function DoorPanel({ l, manager }: { l: DoorList; manager: boolean }) {
  const d = useDoorScan(l.eventId, (entry, event) => {
    l.applyEntry(entry, event)
    // A void answers with the entry only: the counts come with the next read.
    if (!event) void l.refresh()
  })
  const [filter, setFilter] = useState<DoorFilter>('all')
  const [query, setQuery] = useState('')
  if (l.listStatus === 'loading' || (l.listStatus === 'idle' && !l.event)) return <LoadingBlock />
  if (l.listStatus === 'error' || !l.event) return <ErrorBlock message={l.error ?? '加载失败'} onRetry={() => void l.refresh()} />
  const ev = l.event
  const shown = filterEntries(l.entries, filter, query)
  return (
    <View className="door">
      {l.offline && <OfflineBanner text="网络不可用，名单可能不是最新" />}
      <View className="door-head">
        <Text className="door-head__title" data-testid="door-title">
          {ev.title}
        </Text>
        <Text className="door-event__line">{`${spanText(ev.startsAt, ev.endsAt)} · ${ev.place}`}</Text>
        <Text className="door-head__counts" data-testid="door-counts">
          {doorCountsText(ev)}
        </Text>
        {!ev.checkInOpen && <Text className="door-event__line">{`签到未开放，${whenText(ev.checkInOpensAt)} 起可签到`}</Text>}
        <Text className="door-head__change" onClick={() => l.choose(null)} data-testid="door-change">
          切换活动 ›
        </Text>
      </View>
      <DoorScanner d={d} />
      <View className="door-filter">
        <ChoiceRow label="筛选" options={DOOR_FILTERS} value={filter} onChange={setFilter} testId="door-filter" />
        <TextField label="搜索" value={query} onChange={setQuery} placeholder="昵称、手机尾号或会员号" maxlength={20} testId="door-search" />
      </View>
      {shown.length === 0 ? (
        <EmptyBlock title={l.entries.length === 0 ? '还没有人报名' : '没有符合条件的报名'} />
      ) : (
        shown.map((e) => <DoorEntryRow key={e.registrationId} entry={e} canVoid={manager} onVoid={() => d.askVoid(e)} />)
      )}
      {d.voiding && (
        <ConfirmSheet
          title={`撤销 ${d.voiding.nickname} 的签到？`}
          confirmText="确认撤销"
          danger
          loading={d.busy === 'void'}
          onConfirm={() => void d.confirmVoid()}
          onCancel={() => d.askVoid(null)}
          testId="door-void"
          error={d.voidError}
        >
          <Text className="confirm-sheet__text">{`${entryStatusText(d.voiding)}。撤销后恢复为未签到，签到奖励的积分将收回。`}</Text>
          <TextField label="撤销原因" value={d.voidReason} onChange={d.setVoidReason} placeholder="必填，如：误扫" maxlength={60} testId="door-void-reason" />
        </ConfirmSheet>
      )}
    </View>
  )
}
