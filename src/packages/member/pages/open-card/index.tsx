import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useDidShow } from '@tarojs/taro'
import { EmptyBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { TextField } from '../../../../components/text-field'
import { useCardStore } from '../../../../features/card/store'
import { BirthdayField } from '../../../../features/open-card/BirthdayField'
import { PhoneField } from '../../../../features/open-card/PhoneField'
import { useOpenCard } from '../../../../features/open-card/use-open-card'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { useSession } from '../../../../features/session/use-session'
import { go, routes } from '../../../../services/nav'
import './index.scss'

const TITLE = '开通会员卡'

/**
 * 开卡: nickname, phone, optional birthday; validated with the contract schema before and after the call.
 * Who is asking comes first: without a session (a deep link on H5) the demo login, and a member who already
 * holds a card is sent to it instead of a form the server would refuse.
 */
export default function OpenCardPage() {
  const session = useSession()
  useDidShow(() => void session.reload())
  const me = session.me

  let body
  if (session.status === 'login') body = <LoginRequired onDone={() => void session.reload()} />
  else if (me?.hasCard) body = <AlreadyMember />
  // The form shows at once: whoAmI only swaps it for 您已是会员, and if it fails the server still decides.
  else body = <OpenCardForm />

  return (
    <View className="page open-card">
      <SubPageNav title={TITLE} />
      {body}
    </View>
  )
}

function AlreadyMember() {
  return (
    <View data-testid="open-card-already-member">
      <EmptyBlock title="您已是会员" description="您已开通会员卡，可直接出示会员码积分">
        <Button type="primary" size="large" onClick={() => go(routes.card)} data-testid="open-card-go-card">
          查看我的会员卡
        </Button>
      </EmptyBlock>
    </View>
  )
}

function OpenCardForm() {
  const setCard = useCardStore((s) => s.setCard)
  const { form, fields, formError, submitting, update, submit } = useOpenCard((card) => {
    // The card page greets the new member (a toast would be gone before it is read).
    setCard(card, { welcome: true })
    go(routes.card)
  })

  return (
    <View>
      <View className="open-card__hero">
        <Text className="open-card__hero-title">开通会员卡</Text>
        <Text className="open-card__hero-desc">消费得积分与成长值 · 等级越高折扣越多 · 生日月专属礼遇</Text>
      </View>
      <View className="open-card__form">
        <TextField
          label="昵称"
          value={form.nickname}
          onChange={(v) => update('nickname', v)}
          placeholder="怎么称呼您"
          maxlength={20}
          error={fields.nickname}
          testId="open-card-nickname"
        />
        <PhoneField
          phone={form.phone}
          phoneCode={form.phoneCode}
          onPhone={(v) => update('phone', v)}
          onPhoneCode={(code) => update('phoneCode', code)}
          error={fields.phone}
        />
        <BirthdayField value={form.birthday} onChange={(b) => update('birthday', b)} error={fields.birthday} />
      </View>
      {(formError || fields._) && (
        <Text className="open-card__error" data-testid="open-card-error">
          {formError ?? fields._}
        </Text>
      )}
      <View className="open-card__actions">
        <Button block type="primary" size="large" loading={submitting} disabled={submitting} onClick={() => void submit()} data-testid="open-card-submit">
          {submitting ? '开卡中…' : '立即开卡'}
        </Button>
        <Text className="open-card__privacy">手机号与生日加密保存，仅用于会员服务</Text>
      </View>
    </View>
  )
}
