/**
 * Why a capture would not open, in one form whatever said it: `<path>: <problem>`, the path
 * once, as the CLI says it. The host refuses a path as `/full/path: no such file`; a capture
 * that fails while loading is named by the reader with its base name (`empty.scap: empty file…`,
 * `x.scap: cannot open capture: …`), and the welcome screen mixed the two forms (QA 16).
 */
export function openErrorLine(path: string, message: string): string {
  const line = message.split('\n')[0];
  if (!path || line.startsWith(`${path}: `)) return line;
  const base = path.split(/[\\/]/).pop() ?? '';
  if (!base) return line;
  for (const prefix of [`${base}: cannot open capture: `, `${base}: `]) {
    if (line.startsWith(prefix)) return `${path}: ${line.slice(prefix.length)}`;
  }
  return line;
}
