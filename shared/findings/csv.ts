/**
 * CSV for exported tables and events. Capture data is untrusted: a cell a spreadsheet would run
 * as a formula gets a leading apostrophe, so it shows as text and never runs. OWASP's CSV
 * injection guidance names the leading characters that start one: = + - @, and a tab or carriage
 * return (which some spreadsheets skip before looking for one). = and @ and those two are always
 * guarded. A leading - or + is guarded only when what follows makes a formula do something: a
 * digit, a dot or another operator (-2+3+cmd|..., --1, -@SUM(...)), or anywhere in the cell a
 * call, a DDE link or a reference to another sheet or file (( | ! [ ' "). So a command-line word
 * such as the login shell `-bash`, or `-Xmx512m`, stays as captured; a spreadsheet shows a lone
 * word like that as #NAME? at worst, with nothing run or fetched. Plain numbers stay numbers,
 * negative ones included.
 *
 * Values are otherwise written as the view and csysdig have them, trailing spaces included (the
 * Command column's `/usr/bin/containerd `): the export is the table on screen and is compared
 * with csysdig cell for cell; trimming would make the two disagree for no gain in a CSV, where
 * the space is kept as data either way.
 */

export type CsvCell = string | number | bigint | boolean | null | undefined;

const alwaysFormula = /^[=@\t\r]/;
/** A sign followed by what a spreadsheet evaluates: a number, a dot, another operator (or a space before one). */
const signThenOperand = /^[-+][\d.=+\-*/^&<>@%(\s]/;
/** What turns a signed word into a call, a DDE link or a reference to another sheet or file. */
const formulaMachinery = /[(|![\]'"]/;
const plainNumber = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** The cell's text as a spreadsheet should see it (before CSV quoting). */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  if (typeof value !== 'string') return s;
  if (alwaysFormula.test(s)) return `'${s}`;
  if ((s[0] === '-' || s[0] === '+') && !plainNumber.test(s) && (signThenOperand.test(s) || formulaMachinery.test(s))) return `'${s}`;
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
