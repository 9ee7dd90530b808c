/**
 * The shape of a `-p` output format as sysdig reads it, checked before any event is printed:
 * each '%' starts a field (`%evt.num`, `%proc.aname[2]`), optionally after a column width
 * (`%5evt.num`). sysdig refuses a format that ends in '%' or in a width, and a '%' not followed
 * by a field name ("invalid formatting token"); without this check such a format printed its
 * text literally for every event (QA 20). Whether a field name exists is the field registry's
 * question, asked when the format is resolved.
 */

/** Why `format` is no output format sysdig takes, as one line; undefined when its shape is right. */
export function outputFormatSyntaxProblem(format: string): string | undefined {
  const s = format.startsWith('*') ? format.slice(1) : format;
  for (let i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
    let at = i + 1;
    if (at === s.length) return `-p '${format}': the format ends with a '%' (a '%' starts a field, as in %evt.num)`;
    while (at < s.length && s[at] >= '0' && s[at] <= '9') at++;
    if (at === s.length) return `-p '${format}': the format ends with a column width (as in %5evt.num, a field follows it)`;
    // Field names start with a letter (evt., proc., fd., …).
    if (!/[A-Za-z]/.test(s[at])) return `-p '${format}': '%' is followed by '${s.slice(at)}', not a field name (as in %evt.num)`;
    i = at;
  }
  return undefined;
}
