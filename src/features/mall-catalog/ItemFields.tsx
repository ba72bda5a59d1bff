import { Image, Text, View } from '@tarojs/components'
import { Button, Switch } from '@nutui/nutui-react-taro'
import { TextField } from '../../components/text-field'
import { ChoiceRow } from '../coupon-templates/ChoiceRow'
import { DateField } from '../coupon-templates/DateField'
import { TIER_OPTIONS } from '../coupon-templates/labels'
import { KIND_OPTIONS, PERIOD_OPTIONS } from './labels'
import type { MallItemEditor } from './use-mall-item-editor'
import '../coupon-templates/editor.scss'
import './mall-console.scss'

/** 商品: kind (a coupon item picks its 'mall' template), name, picture, price, description. */
export function GoodsFields({ e }: { e: MallItemEditor }) {
  const { form: f, fields, set } = e
  const templateOptions = e.templates.map((t) => [t.id, t.name] as const)
  return (
    <View className="template-editor__section">
      <ChoiceRow label="商品类型" options={KIND_OPTIONS} value={f.kind} onChange={(v) => set('kind', v)} testId="mall-kind" error={fields.kind} />
      {f.kind === 'coupon' &&
        (templateOptions.length > 0 ? (
          <ChoiceRow label="兑换的券" options={templateOptions} value={f.couponTemplateId} onChange={(v) => set('couponTemplateId', v)} testId="mall-template" error={fields.couponTemplateId} />
        ) : (
          <Text className="template-editor__note" data-testid="mall-template-none">
            还没有「积分商城」发放方式的优惠券，请先在优惠券管理中新建
          </Text>
        ))}
      <TextField label="商品名称" value={f.name} onChange={(v) => set('name', v)} placeholder="如 拾光帆布袋" maxlength={30} testId="mall-name" error={fields.name} />
      <View className={`text-field${fields.imageKey ? ' text-field--error' : ''}`}>
        <View className="text-field__row mall-picture-row">
          <Text className="text-field__label">商品图片</Text>
          {f.imageUrl ? <Image className="mall-picture-row__preview" src={f.imageUrl} mode="aspectFill" data-testid="mall-picture-preview" /> : <Text className="date-field__value date-field__value--empty">未上传（显示默认图）</Text>}
          <Button size="small" loading={e.uploading} disabled={e.uploading} onClick={() => void e.pickPicture()} data-testid="mall-picture-pick">
            {f.imageUrl ? '更换' : '上传'}
          </Button>
          {f.imageUrl && (
            <Text className="date-field__clear" onClick={e.removePicture} data-testid="mall-picture-remove">
              移除
            </Text>
          )}
        </View>
        {fields.imageKey && (
          <Text className="text-field__error" data-testid="mall-picture-error">
            {fields.imageKey}
          </Text>
        )}
      </View>
      <TextField label="所需积分" value={f.pointsPrice} onChange={(v) => set('pointsPrice', v)} placeholder="如 800" type="number" maxlength={8} testId="mall-price" error={fields.pointsPrice} />
      <TextField label="商品说明" value={f.description} onChange={(v) => set('description', v)} placeholder="选填，如 门店自取" maxlength={500} testId="mall-description" error={fields.description} />
    </View>
  )
}

/** 库存与限兑: the total made available (never below what is redeemed), per-member limit and per-redemption cap. */
export function StockFields({ e }: { e: MallItemEditor }) {
  const { form: f, fields, set } = e
  return (
    <View className="template-editor__section">
      <TextField label="总库存" value={f.stockTotal} onChange={(v) => set('stockTotal', v)} placeholder="件" type="number" maxlength={8} testId="mall-stock" error={fields.stockTotal} />
      <View className="text-field">
        <View className="text-field__row">
          <Text className="text-field__label">每人限兑</Text>
          <Switch checked={f.limited} onChange={(v) => set('limited', v)} data-testid="mall-limited" />
        </View>
      </View>
      {f.limited && (
        <>
          <ChoiceRow label="限兑周期" options={PERIOD_OPTIONS} value={f.limitPeriod} onChange={(v) => set('limitPeriod', v)} testId="mall-period" error={fields.limitPeriod} />
          <TextField label="每人最多" value={f.perMemberLimit} onChange={(v) => set('perMemberLimit', v)} placeholder="件" type="number" maxlength={3} testId="mall-per-member" error={fields.perMemberLimit} />
        </>
      )}
      <TextField label="单次最多" value={f.maxPerRedemption} onChange={(v) => set('maxPerRedemption', v)} placeholder="件" type="number" maxlength={2} testId="mall-max-per" error={fields.maxPerRedemption} />
    </View>
  )
}

/** 展示与兑换时间 (store-zone dates, whole days), the minimum tier and the order in the mall. */
export function WindowFields({ e }: { e: MallItemEditor }) {
  const { form: f, fields, set } = e
  return (
    <View className="template-editor__section">
      <DateField label="展示开始" value={f.visibleFrom} onChange={(v) => set('visibleFrom', v)} placeholder="不填为立即展示" testId="mall-visible-from" error={fields.visibleFrom} clearable />
      <DateField label="开兑日期" value={f.redeemFrom} onChange={(v) => set('redeemFrom', v)} placeholder="不填为立即可兑" testId="mall-redeem-from" error={fields.redeemFrom} clearable />
      <DateField label="兑换截止" value={f.redeemUntil} onChange={(v) => set('redeemUntil', v)} placeholder="不填为长期（含当天）" testId="mall-redeem-until" error={fields.redeemUntil} clearable />
      <ChoiceRow label="最低等级" options={TIER_OPTIONS} value={f.minTierCode} onChange={(v) => set('minTierCode', v)} testId="mall-min-tier" error={fields.minTierCode} />
      <TextField label="排序" value={f.sortOrder} onChange={(v) => set('sortOrder', v)} placeholder="数字小的在前" type="number" maxlength={4} testId="mall-sort" error={fields.sortOrder} />
    </View>
  )
}
