import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { ErrorBlock, LoadingBlock, OfflineBanner } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { CancelSheet } from '../../../../features/event-publishing/CancelSheet'
import { BasicFields, RuleFields, TimeFields } from '../../../../features/event-publishing/EventFields'
import { PublishSheet } from '../../../../features/event-publishing/PublishSheet'
import { useCancelEvent } from '../../../../features/event-publishing/use-cancel-event'
import { useEventEditor } from '../../../../features/event-publishing/use-event-editor'
import { usePublish } from '../../../../features/event-publishing/use-publish'
import { countsText, statusBadge, toldOnChange } from '../../../../features/event-publishing/view-model'
import { ManagerGate } from '../../../../features/session/ManagerGate'
import { ConfirmSheet } from '../../../../features/till/ConfirmSheet'
import { go, routes } from '../../../../services/nav'
import '../../../../features/coupon-templates/editor.scss'
import '../../../../features/event-publishing/event-console.scss'

/** 新建 / 编辑活动 (managers): `?id=` edits that event; a draft is published (now or scheduled) from here. */
export default function EventEditorPage() {
  const id = useRouter().params?.id ?? null
  return (
    <View className="page">
      <SubPageNav title={id ? '编辑活动' : '新建活动'} fallback={routes.consoleEvents} />
      <ManagerGate what="活动管理">{() => <Editor id={id} />}</ManagerGate>
    </View>
  )
}

function Editor({ id }: { id: string | null }) {
  const e = useEventEditor(id)
  const p = usePublish(e.event?.id ?? null, e.adopt)
  const c = useCancelEvent(e.event?.id ?? null, e.adopt)
  if (e.status === 'loading') return <LoadingBlock />
  if (e.status === 'error') return <ErrorBlock message={e.error ?? '加载失败'} onRetry={() => void e.load()} />
  const ev = e.event
  const editable = !ev || (ev.status !== 'cancelled' && ev.phase !== 'ended')
  return (
    <View className="template-editor">
      {e.offline && <OfflineBanner text="网络不可用，恢复后再保存；已填写的内容不会丢失" />}
      {ev && (
        <Text className="template-editor__counts" data-testid="event-state">
          {`${statusBadge(ev).text} · ${countsText(ev)}`}
        </Text>
      )}
      {c.done && (
        <Text className="event-editor__notice" data-testid="event-cancel-done">
          {`活动已取消：${c.done.registrationsCancelled} 个报名已取消，共退回 ${c.done.pointsRefunded} 积分，已通知会员`}
        </Text>
      )}
      {ev?.status === 'cancelled' && !c.done && <Text className="event-editor__notice">{`活动已取消${ev.cancelReason ? `：${ev.cancelReason}` : ''}`}</Text>}
      <Text className="template-editor__section-title">活动</Text>
      <BasicFields e={e} />
      <Text className="template-editor__section-title">时间</Text>
      <TimeFields e={e} />
      <Text className="template-editor__section-title">名额与规则</Text>
      <RuleFields e={e} />
      {e.error && (
        <View className="template-editor__error" data-testid="event-error">
          <Text>{e.fields._ ?? e.error}</Text>
        </View>
      )}
      <View className="template-editor__actions">
        {editable && (
          <Button block type="primary" size="large" loading={e.saving} disabled={e.saving || e.uploading} onClick={() => void e.save()} data-testid="event-save">
            {e.saving ? '保存中…' : ev ? '保存' : '保存为草稿'}
          </Button>
        )}
        {(ev?.status === 'draft' || ev?.status === 'scheduled') && (
          <Button className="event-editor__gap" block size="large" disabled={e.dirty || e.saving} onClick={p.show} data-testid="event-publish">
            {e.dirty ? '保存后可发布' : ev.status === 'scheduled' ? '立即发布或改时间…' : '发布…'}
          </Button>
        )}
        {ev && ev.status !== 'draft' && (
          <Button className="event-editor__gap" block size="large" fill="none" onClick={() => go(routes.consoleEventResults, { id: ev.id })} data-testid="event-results-link">
            报名与数据 ›
          </Button>
        )}
        {ev && editable && (
          <Button className="event-editor__gap" block size="large" type="danger" fill="outline" onClick={c.ask} data-testid="event-cancel-open">
            取消活动
          </Button>
        )}
      </View>
      <PublishSheet p={p} />
      {ev && <CancelSheet c={c} registered={ev.registeredCount + ev.waitlistCount} />}
      {e.confirmChange && ev && (
        <ConfirmSheet title="修改了活动时间或地点" confirmText="保存并通知" onConfirm={() => void e.save(true)} onCancel={e.closeChange} loading={e.saving} testId="event-change">
          <Text className="confirm-sheet__text">{`将通知已报名的 ${toldOnChange(ev)} 位会员（含候补）。`}</Text>
        </ConfirmSheet>
      )}
    </View>
  )
}
