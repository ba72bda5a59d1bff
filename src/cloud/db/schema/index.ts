/**
 * The tables, one file per feature: the only code besides the repositories that knows the database's shape.
 * drizzle-kit generates migrations from this index (drizzle.config.ts).
 */
export * from './core'
export * from './coupons'
export * from './points-lots'
export * from './mall'
export * from './events'
