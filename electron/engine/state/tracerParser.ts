/**
 * The text of one sysdig tracer, as sysdig 0.29.3 reads a write to /dev/null:
 * `>:ID:TAG.TAG...:NAME=VALUE,NAME=VALUE...:` opens a span, `<:...` closes it. ID is a number,
 * `t`/`p`/`pp` (the writer's thread, process or parent id), `g` or empty (0). A backslash makes
 * the next character literal. An incomplete text is "truncated": sysdig waits for the rest in
 * the next write. The JSON form (`[">", id, [tags], [{args}]]`) is not read here.
 */

export const enum TracerParse { Ok = 0, Failed = 1, Truncated = 2 }

export interface ParsedTracer {
  result: TracerParse;
  /** '>' (enter) or '<' (exit). */
  enter: boolean;
  /** The id as far as it was read (sysdig keeps the previous one when parsing stops before it). */
  id: bigint | undefined;
  tags: string[];
  argNames: string[];
  argValues: string[];
}

export interface TracerIds { tid: number; pid: number; ptid: number }

function result(p: ParsedTracer, r: TracerParse): ParsedTracer { p.result = r; return p; }

/** Parses `text` (cut at its first NUL, as sysdig's C string is). */
export function parseTracer(text: string, ids: TracerIds): ParsedTracer {
  const nul = text.indexOf('\0');
  const s = nul >= 0 ? text.slice(0, nul) : text;
  const n = s.length;
  const p: ParsedTracer = { result: TracerParse.Ok, enter: s[0] === '>', id: undefined, tags: [], argNames: [], argValues: [] };
  if (n === 0 || (s[0] !== '>' && s[0] !== '<')) return result(p, TracerParse.Failed);
  if (n < 2) return result(p, TracerParse.Truncated);
  if (s[1] !== ':') return result(p, TracerParse.Failed);
  let i = 2;
  // sysdig compares with the character '0' where it means the end of the text.
  if (s[i] === '0') return result(p, TracerParse.Truncated);
  switch (s[i]) {
    case 't': p.id = BigInt(ids.tid); i += 2; break;
    case 'p':
      p.id = BigInt(ids.pid);
      if (s[i + 1] === 'p') { p.id = BigInt(ids.ptid); i++; }
      i += 2;
      break;
    case ':': p.id = 0n; i += 1; break;
    case 'g': p.id = 0n; i += 2; break;
    default: {
      let j = i;
      if (s[j] === '-') j++;
      while (j < n && s[j] >= '0' && s[j] <= '9') j++;
      if (j >= n) return result(p, TracerParse.Truncated);
      if (s[j] !== ':') return result(p, TracerParse.Failed);
      const digits = s.slice(s[i] === '-' ? i + 1 : i, j);
      const v = digits === '' ? 0n : BigInt(digits);
      p.id = BigInt.asIntN(64, s[i] === '-' ? -v : v);
      i = j + 1;
    }
  }
  if (s[i] === '0') return result(p, TracerParse.Truncated);
  let escaped = false;
  if (s[i] !== ':') {
    for (;;) {
      let tag = '';
      while (i < n) {
        const c = s[i];
        if (escaped) { escaped = false; tag += c; i++; continue; }
        if (c === '\\') { escaped = true; i++; continue; }
        if (c === '.' || c === ':') break;
        if (c === '>' || c === '<' || c === '=' || c === '\n') return result(p, TracerParse.Failed);
        tag += c; i++;
      }
      p.tags.push(tag);
      if (i >= n) return result(p, TracerParse.Truncated);
      i++;
      if (s[i - 1] === ':') break;
    }
  } else {
    i++;
  }
  if (i >= n) return result(p, TracerParse.Truncated);
  if (s[i] === ':') return p;
  escaped = false;
  for (;;) {
    const nameStart = i;
    let name = '';
    while (i < n) {
      const c = s[i];
      if (escaped) { escaped = false; name += c; i++; continue; }
      if (c === '\\') { escaped = true; i++; continue; }
      if (c === '=') break;
      if (c === '>' || c === '<' || c === '\n') return result(p, TracerParse.Failed);
      name += c; i++;
    }
    p.argNames.push(name);
    if (i >= n) {
      // An argument without a value ("name:" at the end) is refused; anything else may continue.
      const before = name.length > 0 ? name[name.length - 1] : s[nameStart - 1];
      return result(p, before === ':' ? TracerParse.Failed : TracerParse.Truncated);
    }
    i++;
    let value = '';
    escaped = false;
    while (i < n) {
      const c = s[i];
      if (escaped) { escaped = false; value += c; i++; continue; }
      if (c === '\\') { escaped = true; i++; continue; }
      if (c === ',' || c === ':' || c === '=') break;
      value += c; i++;
    }
    p.argValues.push(value);
    if (i >= n) return result(p, TracerParse.Truncated);
    if (s[i] === ':') return p;
    i++;
  }
}
