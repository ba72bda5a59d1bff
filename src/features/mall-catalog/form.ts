import type { MallItemKind, MallLimitPeriod, TierCode } from '../../contract/enums'
import { mallItemInput, type AdminMallItemView } from '../../contract/mall-items'
import { zodIssuesToFields } from '../../contract/zod-fields'

/** What the item editor holds while the manager types: numbers as typed, choices as chosen. */
export interface MallItemForm {
  kind: MallItemKind
  name: string
  description: string
  imageKey: string | null
  /** What the editor shows for the picture (the upload's URL, or the item's). */
  imageUrl: string | null
  pointsPrice: string
  couponTemplateId: string | null
  stockTotal: string
  limited: boolean
  perMemberLimit: string
  limitPeriod: MallLimitPeriod
  maxPerRedemption: string
  visibleFrom: string
  redeemFrom: string
  redeemUntil: string
  minTierCode: TierCode | null
  sortOrder: string
}

export const emptyMallItemForm: MallItemForm = {
  kind: 'gift',
  name: '',
  description: '',
  imageKey: null,
  imageUrl: null,
  pointsPrice: '',
  couponTemplateId: null,
  stockTotal: '',
  limited: true,
  perMemberLimit: '1',
  limitPeriod: 'total',
  maxPerRedemption: '1',
  visibleFrom: '',
  redeemFrom: '',
  redeemUntil: '',
  minTierCode: null,
  sortOrder: '0',
}

export type MallItemField = keyof MallItemForm | '_'

/** An existing item back into the editor's strings (the counts stay out: editing never sends them). */
export function formFromItem(v: AdminMallItemView): MallItemForm {
  return {
    kind: v.kind,
    name: v.name,
    description: v.description ?? '',
    imageKey: v.imageKey,
    imageUrl: v.imageUrl,
    pointsPrice: String(v.pointsPrice),
    couponTemplateId: v.couponTemplateId,
    stockTotal: String(v.stockTotal),
    limited: v.perMemberLimit !== null,
    perMemberLimit: v.perMemberLimit === null ? '1' : String(v.perMemberLimit),
    limitPeriod: v.limitPeriod,
    maxPerRedemption: String(v.maxPerRedemption),
    visibleFrom: v.visibleFrom ?? '',
    redeemFrom: v.redeemFrom ?? '',
    redeemUntil: v.redeemUntil ?? '',
    minTierCode: (v.minTier?.code ?? null) as TierCode | null,
    sortOrder: String(v.sortOrder),
  }
}

/** The schema's path ('item.stockTotal' from the server, 'stockTotal' from the client) → the editor field. */
export function fieldOf(path: string): MallItemField {
  const head = path.replace(/^item\./, '').split('.')[0]
  return (head in emptyMallItemForm ? head : '_') as MallItemField
}

function whole(text: string, label: string, fields: Partial<Record<MallItemField, string>>, key: MallItemField): number | undefined {
  const t = text.normalize('NFKC').trim()
  if (!/^\d{1,9}$/.test(t)) {
    fields[key] ??= `请输入${label}（整数）`
    return undefined
  }
  return Number(t)
}

export type MallItemValidation = { ok: true; item: ReturnType<typeof mallItemInput.parse> } | { ok: false; fields: Partial<Record<MallItemField, string>> }

/**
 * The editor's strings → the contract's item input, validated with the SAME schema the server uses
 * (mallItemInput), so the messages shown before saving are the server's.
 */
export function validateMallItem(f: MallItemForm): MallItemValidation {
  const fields: Partial<Record<MallItemField, string>> = {}
  const candidate: Record<string, unknown> = {
    kind: f.kind,
    name: f.name,
    description: f.description.trim() === '' ? undefined : f.description,
    imageKey: f.imageKey,
    pointsPrice: whole(f.pointsPrice, '所需积分', fields, 'pointsPrice'),
    couponTemplateId: f.kind === 'coupon' ? f.couponTemplateId ?? undefined : undefined,
    stockTotal: whole(f.stockTotal, '库存', fields, 'stockTotal'),
    perMemberLimit: f.limited ? whole(f.perMemberLimit, '每人限兑', fields, 'perMemberLimit') : null,
    limitPeriod: f.limitPeriod,
    maxPerRedemption: whole(f.maxPerRedemption, '单次最多兑换', fields, 'maxPerRedemption'),
    visibleFrom: f.visibleFrom || undefined,
    redeemFrom: f.redeemFrom || undefined,
    redeemUntil: f.redeemUntil || undefined,
    minTierCode: f.minTierCode,
    sortOrder: whole(f.sortOrder || '0', '排序', fields, 'sortOrder'),
  }
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k]
  const parsed = mallItemInput.safeParse(candidate)
  if (!parsed.success) for (const [path, message] of Object.entries(zodIssuesToFields(parsed.error))) fields[fieldOf(path)] ??= message
  if (!parsed.success || Object.keys(fields).length) return { ok: false, fields }
  return { ok: true, item: parsed.data }
}
