import { sql } from 'drizzle-orm'
import { timestamp } from 'drizzle-orm/pg-core'

/** `'a', 'b'` for a CHECK … IN (…), from the contract's enumerations (constants in code, never input). */
export const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '))

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()

/** A moment, stored with its zone (every date rule is computed in the store's zone from these). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
