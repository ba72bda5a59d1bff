import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '../../../../components/text-field'
import { useCardStore } from '../../../../features/card/store'
import { BirthdayField } from '../../../../features/open-card/BirthdayField'
import { PhoneField } from '../../../../features/open-card/PhoneField'
import { useOpenCard } from '../../../../features/open-card/use-open-card'
import { toast } from '../../../../services/device'
import { backOr, routes } from '../../../../services/nav'
import './index.scss'

/** 开卡: nickname, phone, optional birthday; validated with the contract schema before and after the call. */
export default function OpenCardPage() {
  const setCard = useCardStore((s) => s.setCard)
  const { form, fields, formError, submitting, update, submit } = useOpenCard((card) => {
    setCard(card)
    toast('开卡成功', 'success')
    backOr(routes.card)
  })

  return (
    <View className="page open-card">
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
