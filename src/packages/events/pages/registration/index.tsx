import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useMemo, useState, type ReactNode } from 'react'
import { LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { usePageVisible } from '../../../../features/common/use-page-visible'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { EventCover } from '../../../../features/events/EventCover'
import { FeedbackPanel } from '../../../../features/events/FeedbackPanel'
import { TicketPanel } from '../../../../features/events/TicketPanel'
import { useRegistration } from '../../../../features/events/use-registration'
import { cancelConfirm, eventBanner, eventTimeText, momentText, pointsText, registrationLabel, registrationNote } from '../../../../features/events/view-model'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { go, routes } from '../../../../services/nav'
import './index.scss'

/**
 * One registration. Registered: the ticket (QR + digits, at full brightness) and the check-in window; waitlisted:
 * the place in the queue; cancelled: the points that came back. 取消报名 (before the cut-off) / 退出候补 confirm with
 * what comes back. After check-in: the feedback, changeable for 7 days.
 */
export default function RegistrationPage() {
  const visible = usePageVisible()
  const d = useRegistration(visible)
  const [confirming, setConfirming] = useState(false)
  useLoad((params?: Record<string, string>) => {
    const id = params?.id ?? Taro.getCurrentInstance().router?.params?.id ?? ''
    if (hasSession()) void d.load(decodeURIComponent(id))
  })
  // Back from the door or after a promotion: the state is the server's current one.
  useDidShow(() => {
    if (hasSession() && d.registration) void d.load()
  })
  useRetryWhenOnline(d.status === 'error' && Boolean(d.error?.isOffline), d.load)
  const nowMs = useMemo(() => Date.now(), [d.registration])
  const frame = (body: ReactNode) => (
    <View className="page registration-page">
      <SubPageNav title="我的报名" fallback={routes.myRegistrations} />
      {body}
    </View>
  )
  if (!hasSession() || d.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void d.load()} />)
  if (d.status === 'loading') return frame(<LoadingBlock />)
  if (d.status === 'error' || !d.registration) return frame(<LoadError error={d.error} onRetry={() => void d.load()} />)

  const r = d.registration
  const ahead = r.status === 'registered' || r.status === 'waitlisted'
  const banner = eventBanner(r.eventCancelled, ahead ? r.eventChangedAt : null)
  const note = registrationNote(r, Date.now())
  const ask = cancelConfirm(r)
  return frame(
    <View className="registration-page__body">
      {banner && (
        <Text className="registration-page__banner" data-testid="registration-banner">
          {banner}
        </Text>
      )}
      <View className="registration-page__event" onClick={() => go(routes.eventDetail, { id: r.eventId })} data-testid="registration-event">
        <EventCover url={r.coverUrl} className="registration-page__cover" />
        <View className="registration-page__what">
          <Text className="registration-page__title">{r.eventTitle}</Text>
          <Text className="registration-page__line">{eventTimeText(r.startsAt, r.endsAt, nowMs)}</Text>
          <Text className="registration-page__line">{r.place}</Text>
        </View>
      </View>
      <View className="registration-page__panel registration-page__state">
        <Text className={`registration-page__status registration-page__status--${r.status}`} data-testid="registration-status">
          {registrationLabel(r, Date.now())}
        </Text>
        {note && (
          <Text className="registration-page__note" data-testid="registration-note">
            {note}
          </Text>
        )}
        {d.code && d.qr && <TicketPanel code={d.code} qr={d.qr} startsAt={r.startsAt} />}
        {r.status === 'registered' && r.pointsPaid > 0 && <Text className="registration-page__meta">{`报名已扣除 ${pointsText(r.pointsPaid)} 积分`}</Text>}
        {d.balanceAfterCancel !== null && (
          <Text className="registration-page__meta" data-testid="registration-balance">{`当前可用积分 ${pointsText(d.balanceAfterCancel)}`}</Text>
        )}
      </View>
      <FeedbackPanel registrationId={r.id} feedback={r.feedback} canGiveFeedback={r.canGiveFeedback} onSaved={d.feedbackSaved} />
      {r.cancellable && (
        <View className="registration-page__actions">
          <Button block fill="outline" type="default" loading={d.cancelling} disabled={d.cancelling} onClick={() => setConfirming(true)} data-testid="registration-cancel">
            {r.status === 'waitlisted' ? '退出候补' : '取消报名'}
          </Button>
          {r.status === 'registered' && <Text className="registration-page__until">{`${momentText(r.cancelUntil)} 前可取消`}</Text>}
        </View>
      )}
      {!r.cancellable && r.status === 'registered' && (
        <Text className="registration-page__until" data-testid="registration-no-cancel">{`已过取消截止时间（${momentText(r.cancelUntil)}）`}</Text>
      )}
      <Dialog
        visible={confirming}
        title={ask.title}
        content={ask.content}
        confirmText={ask.confirm}
        cancelText="再想想"
        onConfirm={() => {
          setConfirming(false)
          void d.cancel()
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>,
  )
}
