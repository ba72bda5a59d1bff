import type { CouponChannel, CouponKind, TierCode } from '../../contract/enums'
import { couponTemplateInput, type CouponTemplateView } from '../../contract/coupon-templates'
import { zodIssuesToFields } from '../../contract/zod-fields'
import { parseYuanToFen } from '../common/amount'

/** What the editor holds while the manager types: strings as typed, choices as chosen. */
export interface TemplateForm {
  name: string
  kind: CouponKind
  threshold: string
  amountOff: string
  /** 8.8 (折) → discountPct 88. */
  discount: string
  maxDiscount: string
  giftName: string
  description: string
  validityKind: 'fixed' | 'days'
  validFrom: string
  validTo: string
  validDays: string
  claimFrom: string
  claimTo: string
  unlimited: boolean
  total: string
  perMember: string
  minTierCode: TierCode | null
  channel: CouponChannel
  birthdayTierCode: TierCode | null
}

export const emptyTemplateForm: TemplateForm = {
  name: '',
  kind: 'amount_off',
  threshold: '',
  amountOff: '',
  discount: '',
  maxDiscount: '',
  giftName: '',
  description: '',
  validityKind: 'days',
  validFrom: '',
  validTo: '',
  validDays: '30',
  claimFrom: '',
  claimTo: '',
  unlimited: true,
  total: '',
  perMember: '1',
  minTierCode: null,
  channel: 'claim',
  birthdayTierCode: null,
}

export type TemplateField = keyof TemplateForm | 'validity' | '_'

export type TemplateValidation = { ok: true; template: ReturnType<typeof couponTemplateInput.parse> } | { ok: false; fields: Partial<Record<TemplateField, string>> }

const yuanText = (fen: number | null) => (fen === null ? '' : String(Number((fen / 100).toFixed(2))))

/** An existing template, back into the editor's strings (editing never touches its counts). */
export function formFromView(v: CouponTemplateView): TemplateForm {
  return {
    name: v.name,
    kind: v.kind,
    threshold: v.thresholdFen > 0 ? yuanText(v.thresholdFen) : '',
    amountOff: yuanText(v.amountOffFen),
    discount: v.discountPct === null ? '' : String(v.discountPct / 10),
    maxDiscount: yuanText(v.maxDiscountFen),
    giftName: v.giftName ?? '',
    description: v.description ?? '',
    validityKind: v.validity.kind,
    validFrom: v.validity.from ?? '',
    validTo: v.validity.to ?? '',
    validDays: v.validity.days === null ? '' : String(v.validity.days),
    claimFrom: v.claimFrom ?? '',
    claimTo: v.claimTo ?? '',
    unlimited: v.totalQuantity === null,
    total: v.totalQuantity === null ? '' : String(v.totalQuantity),
    perMember: String(v.perMemberLimit),
    minTierCode: v.minTierCode,
    channel: v.channel,
    birthdayTierCode: v.birthdayTierCode,
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

/** Yuan as the till reads it (full-width digits, "1,280.50"); empty is `empty` (a threshold of 0, no cap). */
function fen(text: string, label: string, empty: number | undefined): Parsed<number | undefined> {
  const t = text.normalize('NFKC').trim()
  if (t === '') return { ok: true, value: empty }
  if (/^0*\.?0*$/.test(t)) return { ok: true, value: 0 }
  const r = parseYuanToFen(t)
  return r.ok ? { ok: true, value: r.fen } : { ok: false, message: `${label}：${r.message.replace('单笔上限', '上限')}` }
}

/** "8.8" → 88; one decimal at most, between 0.1 and 9.9 折 (the schema checks the range). */
function discountPct(text: string): Parsed<number | undefined> {
  const t = text.normalize('NFKC').trim().replace(/折$/, '')
  if (t === '') return { ok: true, value: undefined }
  if (!/^\d(\.\d)?$/.test(t)) return { ok: false, message: '请输入如 8.8 的折扣（0.1 到 9.9 折）' }
  return { ok: true, value: Math.round(Number(t) * 10) }
}

function count(text: string, label: string): Parsed<number> {
  const t = text.normalize('NFKC').trim()
  if (!/^\d{1,9}$/.test(t)) return { ok: false, message: `请输入${label}（整数）` }
  return { ok: true, value: Number(t) }
}

/**
 * The schema's path → the editor field that shows it ('validity.from' belongs to the validity row). Server paths
 * carry the input's 'template.' prefix ('template.totalQuantity').
 */
export function fieldOf(path: string): TemplateField {
  const head = path.replace(/^template\./, '').split('.')[0]
  const map: Record<string, TemplateField> = {
    thresholdFen: 'threshold',
    amountOffFen: 'amountOff',
    discountPct: 'discount',
    maxDiscountFen: 'maxDiscount',
    totalQuantity: 'total',
    perMemberLimit: 'perMember',
    validity: 'validity',
  }
  return map[head] ?? ((head in emptyTemplateForm ? head : '_') as TemplateField)
}

/**
 * The editor's strings → the contract's template input, validated with the SAME schema the server uses
 * (couponTemplateInput), so the messages shown before saving are the server's. Fields that do not belong to the
 * chosen kind or channel are left out, so switching 满减 → 折扣 does not trip "只有满减券可设置减免金额".
 */
export function validateTemplate(f: TemplateForm): TemplateValidation {
  const fields: Partial<Record<TemplateField, string>> = {}
  const take = <T>(key: TemplateField, p: Parsed<T>): T | undefined => {
    if (p.ok) return p.value
    fields[key] ??= p.message
    return undefined
  }
  const candidate: Record<string, unknown> = {
    name: f.name,
    kind: f.kind,
    thresholdFen: f.kind === 'gift' ? 0 : take('threshold', fen(f.threshold, '使用门槛', 0)),
    description: f.description.trim() === '' ? undefined : f.description,
    minTierCode: f.minTierCode,
    channel: f.channel,
    birthdayTierCode: f.channel === 'birthday' ? f.birthdayTierCode : null,
    totalQuantity: f.unlimited ? null : take('total', count(f.total, '发放总量')),
    perMemberLimit: take('perMember', count(f.perMember, '每人限领数量')),
  }
  if (f.kind === 'amount_off') candidate.amountOffFen = take('amountOff', fen(f.amountOff, '减免金额', undefined))
  if (f.kind === 'percent_off') {
    candidate.discountPct = take('discount', discountPct(f.discount))
    candidate.maxDiscountFen = take('maxDiscount', fen(f.maxDiscount, '最多减', undefined))
  }
  if (f.kind === 'gift') candidate.giftName = f.giftName.trim() === '' ? undefined : f.giftName
  if (f.validityKind === 'fixed') {
    if (!f.validFrom || !f.validTo) fields.validity ??= '请选择使用开始和结束日期'
    candidate.validity = { kind: 'fixed', from: f.validFrom, to: f.validTo }
  } else {
    candidate.validity = { kind: 'days', days: take('validDays', count(f.validDays, '有效天数')) ?? 0 }
  }
  if (f.channel === 'claim') {
    candidate.claimFrom = f.claimFrom || undefined
    candidate.claimTo = f.claimTo || undefined
  }
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k]

  const parsed = couponTemplateInput.safeParse(candidate)
  if (!parsed.success) {
    for (const [path, message] of Object.entries(zodIssuesToFields(parsed.error))) {
      const key = fieldOf(path)
      // A field whose own text did not parse keeps that message; the schema only saw it missing.
      fields[key] ??= message
    }
  }
  if (fields.validDays) fields.validity ??= fields.validDays
  if (!parsed.success || Object.keys(fields).length) return { ok: false, fields }
  return { ok: true, template: parsed.data }
}
