import { createHash } from 'node:crypto'

/** Server configuration, read once from the environment. The session-token secret is the gateway's, not here. */
export interface AppConfig {
  /** HMAC key for member codes (MEMBER_CODE_SECRET). */
  memberCodeSecret: string
  /** AES-256-GCM key for phone and birthday at rest (DATA_ENCRYPTION_KEY, 32 bytes as hex or base64). */
  dataKey: Buffer
  /** Zone a newly seeded store is created in (STORE_TIMEZONE); the store row is the source of truth afterwards. */
  timezone: string
  /** A scanned member code older than this is refused as stale. */
  codeMaxAgeS: number
}

// Fixed, clearly named dev values so local runs and tests need no setup; refused in production.
const DEV_MEMBER_CODE_SECRET = 'dev-only-member-code-secret-NOT-FOR-PRODUCTION'
const DEV_DATA_KEY = createHash('sha256').update('dev-only-data-key-NOT-FOR-PRODUCTION').digest()
const DEFAULT_CODE_MAX_AGE_S = 120

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const production = env.NODE_ENV === 'production'
  const secret = env.MEMBER_CODE_SECRET
  const key = env.DATA_ENCRYPTION_KEY
  if (production && !secret) throw new Error('MEMBER_CODE_SECRET is required in production')
  if (production && !key) throw new Error('DATA_ENCRYPTION_KEY is required in production')
  if (production && secret && secret.length < 16) throw new Error('MEMBER_CODE_SECRET must be at least 16 characters')
  const timezone = env.STORE_TIMEZONE || 'Asia/Shanghai'
  assertTimeZone(timezone)
  return {
    memberCodeSecret: secret || DEV_MEMBER_CODE_SECRET,
    dataKey: key ? parseKey(key) : DEV_DATA_KEY,
    timezone,
    codeMaxAgeS: parsePositiveInt(env.MEMBER_CODE_MAX_AGE_S, DEFAULT_CODE_MAX_AGE_S, 'MEMBER_CODE_MAX_AGE_S'),
  }
}

function parseKey(text: string): Buffer {
  const trimmed = text.trim()
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64')
  if (bytes.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64')
  return bytes
}

function parsePositiveInt(text: string | undefined, fallback: number, name: string): number {
  if (!text) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`)
  return value
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
  } catch {
    throw new Error(`STORE_TIMEZONE is not a known time zone: ${timeZone}`)
  }
}
