export type { Db, Tx } from './db'
export { openDatabase, MIGRATIONS_FOLDER, type OpenDatabaseOptions, type OpenedDatabase } from './open-database'
export { findLedgerMismatches, countRows, type LedgerMismatch, type RowCounts } from './integrity'
