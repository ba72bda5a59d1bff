import { randomUUID } from 'node:crypto'
import { AppError, devLoginInput, zodIssuesToFields, type Role } from '../../contract'
import { DEMO_OPENIDS } from '../app'

/**
 * The browser build has no WeChat identity, so a developer or a store owner trying the app picks a demo person.
 * 'visitor' is a new customer with no card yet, so 开卡 can be tried; each visitor gets a fresh id.
 * Refused in production: there, the only identities are WeChat's.
 */
const LABELS = { member: '演示会员', birthday: '生日会员', clerk: '演示店员', manager: '演示店长', visitor: '新顾客' } as const
const ROLES: Record<keyof typeof LABELS, Role> = { member: 'member', birthday: 'member', clerk: 'clerk', manager: 'manager', visitor: 'member' }

export function devLoginIdentity(rawInput: unknown, production: boolean): { openid: string; role: Role; label: string } {
  if (production) throw new AppError('DEV_LOGIN_DISABLED')
  const parsed = devLoginInput.safeParse(rawInput ?? {})
  if (!parsed.success) throw new AppError('BAD_INPUT', undefined, zodIssuesToFields(parsed.error))
  const who = parsed.data.as
  const openid = who === 'visitor' ? `visitor-${randomUUID()}` : DEMO_OPENIDS[who]
  return { openid, role: ROLES[who], label: LABELS[who] }
}
