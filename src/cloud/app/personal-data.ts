import { createHmac } from 'node:crypto'
import type { AppConfig } from '../config'
import { decryptField, encryptField } from './field-cipher'

/**
 * Personal data at rest: phone and birthday are encrypted (AES-256-GCM, column name bound in, see field-cipher);
 * the phone also gets a keyed hash so the database can keep one active card per phone without seeing numbers.
 */
const PHONE_COLUMN = 'members.phone'
const BIRTHDAY_COLUMN = 'members.birthday'
const PHONE_HASH_LABEL = 'members.phone_hash.v1'

export interface Birthday {
  month: number
  day: number
  year?: number
}

export const encryptPhone = (config: AppConfig, phone: string): string => encryptField(config.dataKey, PHONE_COLUMN, phone)
export const decryptPhone = (config: AppConfig, stored: string): string => decryptField(config.dataKey, PHONE_COLUMN, stored)

export const encryptBirthday = (config: AppConfig, birthday: Birthday): string =>
  encryptField(config.dataKey, BIRTHDAY_COLUMN, JSON.stringify(birthday))
export const decryptBirthday = (config: AppConfig, stored: string): Birthday =>
  JSON.parse(decryptField(config.dataKey, BIRTHDAY_COLUMN, stored)) as Birthday

/**
 * HMAC-SHA256 of the phone under a key derived from the data key (so no second secret to deploy). Without the
 * key a stolen hash column cannot be matched against the 10^10 possible numbers. Rotating DATA_ENCRYPTION_KEY
 * means recomputing these (set phone_hash to null and run the backfill).
 */
export function phoneHash(config: AppConfig, phone: string): string {
  const key = createHmac('sha256', config.dataKey).update(PHONE_HASH_LABEL).digest()
  return createHmac('sha256', key).update(phone).digest('hex')
}
