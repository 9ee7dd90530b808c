/**
 * CSV for exported tables and events. Capture data is untrusted: a cell a spreadsheet would
 * read as a formula (starting with =, +, -, @, or a tab or carriage return that some
 * spreadsheets skip before looking for one) gets a leading apostrophe, so it shows as text and
 * never runs. Plain numbers stay numbers, including negative ones.
 */

export type CsvCell = string | number | bigint | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** The cell's text as a spreadsheet should see it (before CSV quoting). */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  if (typeof value !== 'string') return s;
  if (formulaStart.test(s) && !plainNumber.test(s)) return `'${s}`;
  return s;
}

/** One CSV field: neutralised, then quoted when it holds a quote, comma or line break (RFC 4180). */
export function csvField(value: CsvCell): string {
  const s = neutraliseCell(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out;
}
