/** Tables as CSV (RFC 4180 quoting) for File > Export. */
import type { ColumnInfo } from '../../shared/ipc/contract';
import { csvField } from '../../shared/findings/csv';

// Capture text is untrusted: csvField also neutralises cells a spreadsheet would run as formulas.
function quote(value: string | number | null): string {
  return csvField(value);
}

export function toCsv(columns: ColumnInfo[], rows: Array<Array<string | number | null>>): string {
  const lines = [columns.map((c) => quote(c.title)).join(',')];
  for (const r of rows) lines.push(r.map(quote).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
