import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { ErrorBlock, EmptyBlock, LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { TextField } from '../../../../components/text-field'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { isStaff } from '../../../../features/session/store'
import { useSession } from '../../../../features/session/use-session'
import { MemberSummary, TillResult } from '../../../../features/till/TillPanels'
import { useTill } from '../../../../features/till/use-till'
import { canScan, toast } from '../../../../services/device'
import { go, routes } from '../../../../services/nav'
import './index.scss'

/**
 * 收银台: staff only. Scan or type the member code, look the member up, record the purchase.
 *
 * whoAmI is reloaded on every show (a role can change between visits), but only the FIRST load gates the page:
 * once we know who is at the till, a later reload that fails (a network blip while the clerk switched apps) must
 * not unmount the till and lose the looked-up member, the typed amount and the receipt. It shows a toast at most.
 */
export default function TillPage() {
  return (
    <View className="page">
      <SubPageNav fallback={routes.me} />
      <TillGate />
    </View>
  )
}

function TillGate() {
  const session = useSession()
  useDidShow(() => void session.reload())
  const me = session.me
  const reloadFailed = me !== null && session.status === 'error'
  useEffect(() => {
    if (reloadFailed) toast('网络不稳定，身份信息未能刷新')
  }, [reloadFailed])

  if (!me) {
    if (session.status === 'login') return <LoginRequired onDone={() => void session.reload()} />
    if (session.status === 'error') {
      return <ErrorBlock message={session.error?.message ?? '加载失败'} onRetry={() => void session.reload()} />
    }
    return <LoadingBlock />
  }
  if (!isStaff(me.role)) {
    return (
      <View data-testid="till-forbidden">
        <EmptyBlock title="无权限" description="收银台仅限门店员工使用">
          <Button type="primary" onClick={() => go(routes.card)}>
            返回会员卡
          </Button>
        </EmptyBlock>
      </View>
    )
  }
  return <Till staffName={me.staffName ?? null} />
}

function Till({ staffName }: { staffName: string | null }) {
  const t = useTill()

  return (
    <View className="till">
      <View className="till__header">
        <Text className="till__title">收银台</Text>
        {staffName && <Text className="till__staff">当班：{staffName}</Text>}
      </View>

      {t.step === 'code' && (
        <View className="till__section">
          {canScan() && (
            <Button block type="primary" size="large" onClick={() => void t.scan()} disabled={t.busy !== null} data-testid="till-scan">
              扫码
            </Button>
          )}
          <View className="till__form">
            <TextField
              label="会员码"
              value={t.codeText}
              onChange={t.setCodeText}
              placeholder="输入或粘贴 24 位会员码"
              maxlength={40}
              testId="till-code-input"
              onConfirm={() => void t.lookup()}
            />
          </View>
          {(t.amountText || t.receiptText) && (
            <View className="till__kept" data-testid="till-kept">
              <Text>
                已保留{t.amountText ? ` 金额 ${t.amountText} 元` : ''}
                {t.receiptText ? ` 小票号 ${t.receiptText}` : ''}，查询会员后可直接入账
              </Text>
            </View>
          )}
          <Button
            block
            type={canScan() ? 'default' : 'primary'}
            size="large"
            loading={t.busy === 'lookup'}
            disabled={t.busy !== null}
            onClick={() => void t.lookup()}
            data-testid="till-lookup"
          >
            查询
          </Button>
        </View>
      )}

      {t.step === 'member' && t.member && (
        <>
          <MemberSummary member={t.member} />
          <View className="till__section">
            <View className="till__form">
              <TextField
                label="消费金额"
                value={t.amountText}
                onChange={t.setAmountText}
                placeholder="实付金额（元），如 128.50"
                type="digit"
                maxlength={12}
                testId="till-amount-input"
              />
              <TextField
                label="小票号"
                value={t.receiptText}
                onChange={t.setReceiptText}
                placeholder="收银小票上的单号"
                maxlength={40}
                testId="till-receipt-input"
              />
            </View>
            <Button
              block
              type="primary"
              size="large"
              loading={t.busy === 'record'}
              disabled={t.busy !== null}
              onClick={() => void t.record()}
              data-testid="till-submit"
            >
              {t.busy === 'record' ? '入账中…' : '确认入账'}
            </Button>
            <View className="till__secondary" onClick={t.changeMember} data-testid="till-change-member">
              <Text>换一位会员</Text>
            </View>
          </View>
        </>
      )}

      {t.step === 'done' && t.result && <TillResult result={t.result} onNext={t.next} />}

      {t.error && (
        <View className="till__error" data-testid="till-error">
          <Text>{t.error}</Text>
        </View>
      )}
    </View>
  )
}
