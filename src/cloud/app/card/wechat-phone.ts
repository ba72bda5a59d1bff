import { AppError, phone as phoneSchema, type ApiParsedInput } from '../../../contract'
import { describeError } from '../../db/loggable-error'
import type { WechatOpenApi } from '../wechat-apis'

export type OpenCardInput = Omit<ApiParsedInput<'openCard'>, 'phone' | 'phoneCode'> & { phone: string }

/**
 * openCard's `prepare`: turns the phone code into the phone number, before the call's transaction opens: it is a
 * network call to WeChat and must not hold a database connection. Typed numbers pass through unchanged.
 */
export async function resolveOpenCardPhone(input: ApiParsedInput<'openCard'>, wechat: WechatOpenApi | undefined): Promise<OpenCardInput> {
  const { phoneCode, phone, ...rest } = input
  if (phone !== undefined) return { ...rest, phone }
  if (phoneCode === undefined || !wechat) throw new AppError('BAD_INPUT', undefined, { phone: '请输入手机号' })
  let number: string
  try {
    number = await wechat.phoneNumberFromCode(phoneCode)
  } catch (error) {
    // WeChat's error may echo the request (the code); log only its class and code.
    console.error('WeChat phone number exchange failed:', describeError(error))
    throw new AppError('PHONE_CODE_INVALID')
  }
  // A number from outside the mainland has a shape our card does not take yet: ask for one typed by hand.
  const parsed = phoneSchema.safeParse(number)
  if (!parsed.success) throw new AppError('PHONE_CODE_INVALID', '暂不支持该微信绑定的手机号，请手动输入大陆手机号')
  return { ...rest, phone: parsed.data }
}
