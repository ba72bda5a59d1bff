/**
 * CSV for Excel: UTF-8 with a BOM (or Excel reads it as GBK), CRLF rows, RFC 4180 quoting (a cell holding a
 * comma, quote or line break is quoted, quotes doubled), and a guard against formula injection: a cell starting
 * with = + - @ (or a tab or carriage return) is prefixed with ' so a nickname like "=HYPERLINK(…)" stays text.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
