import { z, type ZodTypeAny } from 'zod'
import { api, textProblem } from '../../src/contract'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { operations } from '../../src/cloud/app/registry'
import { createAppFixture, memberCodeOf, type AppFixture } from '../helpers/app-fixture'
import { seededRandom } from '../../src/domain/seeded-random'

/**
 * Every text input of every operation, fed generated nasty strings (control characters, lone surrogates, bidi
 * overrides, non-characters, invisible-only text) through the real dispatch: each must come back BAD_INPUT and
 * write nothing, never INTERNAL (a NUL used to reach PostgreSQL). Deterministic: a seeded generator.
 */
let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
})
afterAll(async () => app?.close())

const STRINGS_PER_FIELD = 40

const CONTROL = [...Array.from({ length: 9 }, (_, i) => i), 0x0e, 0x0f, 0x10, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9b, 0x9f].map((c) => String.fromCharCode(c))
// Each with an ordinary neighbour, so two spliced halves can never pair up into a real character.
const LONE_SURROGATES = ['\uD800x', '\uDBFFx', 'x\uDC00', 'x\uDFFF']
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']
const NONCHARACTERS = ['\uFFFE', '\uFFFF', '\uFDD0']
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\u3164', '\u2800', '\u115F', '\uFFA0']
const ORDINARY = ['a', 'Z', '7', '0', '-', '小', '明', '会', '😀', 'é', 'Ａ', '１']

/** Ordinary text with one to three bad characters spliced in, or a string of invisible characters only. */
function nastyStrings(seed: number, count: number): string[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const bad = [CONTROL, LONE_SURROGATES, BIDI, NONCHARACTERS]
  return Array.from({ length: count }, (_, n) => {
    if (n % 5 === 4) return Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(INVISIBLE)).join('')
    const chars = Array.from({ length: Math.floor(random() * 12) }, () => pick(ORDINARY))
    for (let k = 0, bads = 1 + Math.floor(random() * 3); k < bads; k++) chars.splice(Math.floor(random() * (chars.length + 1)), 0, pick(pick(bad)))
    return chars.join('')
  })
}

/** The input's fields that take text, found in the contract itself so a new text field is fuzzed automatically. */
function textFields(schema: ZodTypeAny): string[] {
  const object = unwrap(schema)
  if (!(object instanceof z.ZodObject)) return []
  return Object.entries(object.shape as Record<string, ZodTypeAny>)
    .filter(([, field]) => unwrap(field) instanceof z.ZodString)
    .map(([key]) => key)
}

function unwrap(schema: ZodTypeAny): ZodTypeAny {
  if (schema instanceof z.ZodEffects) return unwrap(schema.innerType())
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return unwrap(schema._def.innerType)
  if (schema instanceof z.ZodPipeline) return unwrap(schema._def.in)
  return schema
}

/** A valid input and a caller allowed to make the call, so a refusal can only be about the fuzzed field. */
async function validCall(name: string, field: string): Promise<{ input: Record<string, unknown>; as: string }> {
  const code = () => memberCodeOf(app, DEMO_OPENIDS.member)
  switch (name) {
    case 'openCard':
      return field === 'phoneCode' ? { input: { nickname: '访客' }, as: 'wx-fuzz' } : { input: { nickname: '访客', phone: '13600008888' }, as: 'wx-fuzz' }
    case 'listPointsHistory':
      return { input: {}, as: DEMO_OPENIDS.member }
    case 'staffLookupMember':
      return { input: { memberCode: await code() }, as: DEMO_OPENIDS.clerk }
    case 'staffRecordPurchase':
      return field === 'ticket'
        ? { input: { receiptNo: 'FUZZ-1', amountFen: 100 }, as: DEMO_OPENIDS.clerk }
        : { input: { memberCode: await code(), receiptNo: 'FUZZ-1', amountFen: 100 }, as: DEMO_OPENIDS.clerk }
    default:
      return { input: {}, as: DEMO_OPENIDS.member }
  }
}

const cases = operations.flatMap((op) => textFields(api[op.name].input).map((field) => [op.name, field] as const))

describe('fuzzed text input', () => {
  it('covers the text fields of the contract', () => {
    expect(cases.map(([n, f]) => `${n}.${f}`)).toEqual(
      expect.arrayContaining(['openCard.nickname', 'openCard.phoneCode', 'staffRecordPurchase.ticket', 'staffRecordPurchase.receiptNo']),
    )
  })

  it('generates only strings the shared text rule refuses', () => {
    for (const s of nastyStrings(1, 200)) expect(textProblem(s)).not.toBeNull()
  })

  it.each(cases)('%s.%s: every nasty string is BAD_INPUT naming the field, and nothing is written', async (name, field) => {
    const before = await app.counts()
    const { input, as } = await validCall(name, field)
    const seed = [...`${name}.${field}`].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7)
    for (const value of nastyStrings(seed, STRINGS_PER_FIELD)) {
      const result = await app.call(name, { ...input, [field]: value }, as)
      if (result.ok || result.error.code !== 'BAD_INPUT' || !result.error.fields?.[field]) {
        throw new Error(`${name}.${field} = ${JSON.stringify(value)} answered ${JSON.stringify(result)}`)
      }
    }
    expect(await app.counts()).toEqual(before)
  })
})

describe('unusual but honest text', () => {
  it.each([
    ['an emoji family joined by zero-width joiners', '👨‍👩‍👧'],
    ['a flag', '🇨🇳'],
    ['combining accents', 'Zoë'],
    ['full-width letters', 'ＡＢＣ'],
    ['an apostrophe and a space inside', "O'Brien Li"],
    ['a twenty-character Chinese name', '长'.repeat(20)],
  ])('is accepted as a nickname: %s', async (_what, nickname) => {
    const openid = `wx-honest-${[...nickname].length}-${nickname.codePointAt(0)}`
    const phone = `1350000${String(nickname.codePointAt(0)! % 10_000).padStart(4, '0')}`
    expect(await app.call('openCard', { nickname, phone }, openid)).toMatchObject({ ok: true, data: { card: { nickname } } })
  })
})
