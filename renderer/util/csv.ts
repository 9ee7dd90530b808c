/** Tables as CSV (RFC 4180 quoting) for File > Export. */
import type { ColumnInfo } from '../../shared/ipc/contract';

function quote(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: ColumnInfo[], rows: Array<Array<string | number | null>>): string {
  const lines = [columns.map((c) => quote(c.title)).join(',')];
  for (const r of rows) lines.push(r.map(quote).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
