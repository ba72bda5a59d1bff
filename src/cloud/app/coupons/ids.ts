/**
 * A contract id ('1'…'9999999999999999999') as a row id, or null when it cannot name a row: ids beyond 2^53
 * would lose precision (and beyond bigint the query would fail), and no row has them.
 */
export function rowId(id: string): number | null {
  const n = Number(id)
  return Number.isSafeInteger(n) && n > 0 ? n : null
}
