/**
 * The text of one sysdig tracer, as sysdig 0.29.3 reads a write to /dev/null:
 * `>:ID:TAG.TAG...:NAME=VALUE,NAME=VALUE...:` opens a span, `<:...` closes it. ID is a number,
 * `t`/`p`/`pp` (the writer's thread, process or parent id), `g` or empty (0). A backslash makes
 * the next character literal. The JSON form is `[">", ID, ["TAG", ...], [{"NAME":"VALUE"}, ...]]`
 * (ID a number or "t"/"p"/"pp"/"g"; strings taken as written, backslashes kept). An incomplete
 * text is "truncated": sysdig waits for the rest in the next write.
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
  if (n === 0) return result(p, TracerParse.Failed);
  if (s[0] !== '>' && s[0] !== '<') return parseJson(s, ids, p);
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

/** Reads a "string" at `i` (no unescaping; a quote after a backslash does not end it). */
function jsonString(s: string, i: number): { r: TracerParse; value?: string; end: number } {
  if (i >= s.length) return { r: TracerParse.Truncated, end: i };
  if (s[i] !== '"') return { r: TracerParse.Failed, end: i + 1 };
  let j = i + 1;
  while (j < s.length && !(s[j] === '"' && s[j - 1] !== '\\')) j++;
  if (j >= s.length) return { r: TracerParse.Truncated, end: j };
  return { r: TracerParse.Ok, value: s.slice(i + 1, j), end: j + 1 };
}

/** Skips spaces and commas; at least `commas` commas must be among them. */
function skipCommas(s: string, i: number, commas: number): { r: TracerParse; end: number } {
  let nc = 0;
  for (; ; i++) {
    if (i >= s.length) return { r: TracerParse.Truncated, end: i };
    if (s[i] === ',') nc++;
    else if (s[i] !== ' ') break;
  }
  return { r: nc < commas ? TracerParse.Failed : TracerParse.Ok, end: i };
}

/** The JSON form, with sysdig's rules on the separators between its parts. */
function parseJson(s: string, ids: TracerIds, p: ParsedTracer): ParsedTracer {
  const n = s.length;
  let i = 0;
  while (s[i] === ' ') i++;
  if (i >= n) return result(p, TracerParse.Failed);
  if (s[i++] !== '[') return result(p, TracerParse.Failed);
  const type = jsonString(s, i);
  if (type.r !== TracerParse.Ok) return result(p, type.r);
  p.enter = type.value![0] === '>';
  let sk = skipCommas(s, type.end, 1);
  if (sk.r !== TracerParse.Ok) return result(p, sk.r);
  i = sk.end;
  let commaRead = false;
  if (s[i] === '"') {
    const c = s[i + 1];
    if (c === 't') { p.id = BigInt(ids.tid); i += 3; }
    else if (c === 'p') {
      p.id = BigInt(ids.pid);
      if (s[i + 2] === 'p') { p.id = BigInt(ids.ptid); i++; }
      i += 3;
    } else if (c === ':') { p.id = 0n; i += 2; }
    else if (c === 'g') { p.id = 0n; i += 3; }
    else return result(p, TracerParse.Failed);
  } else {
    let j = i;
    if (s[j] === '-') j++;
    const from = j;
    while (j < n && s[j] >= '0' && s[j] <= '9') j++;
    if (j >= n) return result(p, TracerParse.Truncated);
    if (s[j] !== ',' && s[j] !== ' ') return result(p, TracerParse.Failed);
    const v = from === j ? 0n : BigInt(s.slice(from, j));
    p.id = BigInt.asIntN(64, s[i] === '-' ? -v : v);
    commaRead = s[j] === ',';
    i = j + 1;
  }
  if (commaRead) {
    while (s[i] === ' ') i++;
  } else {
    sk = skipCommas(s, i, 1);
    if (sk.r !== TracerParse.Ok) return result(p, sk.r);
    i = sk.end;
  }
  // The tag list: exactly one '[' among the spaces before it.
  let brackets = 0;
  for (; i < n && (s[i] === ' ' || s[i] === '['); i++) if (s[i] === '[') brackets++;
  if (i >= n) return result(p, TracerParse.Truncated);
  if (brackets !== 1) return result(p, TracerParse.Failed);
  let str = jsonString(s, i);
  if (str.r === TracerParse.Truncated) return result(p, str.r);
  i = str.end;
  if (str.r === TracerParse.Ok) {
    p.tags.push(str.value!);
    for (;;) {
      sk = skipCommas(s, i, 0);
      if (sk.r !== TracerParse.Ok) return result(p, sk.r);
      i = sk.end;
      if (s[i] === ']') break;
      str = jsonString(s, i);
      if (str.r !== TracerParse.Ok) return result(p, str.r);
      p.tags.push(str.value!);
      i = str.end;
    }
  }
  // Between the tags and the first argument: one comma and one '[' (and '{' unless none).
  let nc = 0, nosb = 0, nocb = 0;
  for (; ; i++) {
    if (i >= n) return result(p, TracerParse.Truncated);
    const c = s[i];
    if (c === ',') nc++;
    else if (c === '[') nosb++;
    else if (c === ']') { if (nosb !== 0) break; }
    else if (c === '{') nocb++;
    else if (c !== ' ' && c !== '}') break;
  }
  if (nc !== 1 || nosb !== 1) return result(p, TracerParse.Failed);
  if (nocb !== 1 && s[i] !== ']') return result(p, TracerParse.Failed);
  str = jsonString(s, i);
  if (str.r === TracerParse.Truncated) return result(p, str.r);
  i = str.end;
  if (str.r === TracerParse.Ok) {
    let name = str.value!;
    for (;;) {
      p.argNames.push(name);
      let colons = 0;
      for (; i < n && (s[i] === ' ' || s[i] === ':'); i++) if (s[i] === ':') colons++;
      if (i >= n) return result(p, TracerParse.Truncated);
      if (colons !== 1) return result(p, TracerParse.Failed);
      const value = jsonString(s, i);
      if (value.r !== TracerParse.Ok) return result(p, value.r);
      p.argValues.push(value.value!);
      i = value.end;
      let commas = 0, opens = 0, closes = 0;
      for (; ; i++) {
        if (i >= n) return result(p, TracerParse.Truncated);
        const c = s[i];
        if (c === ',') commas++;
        else if (c === '{') opens++;
        else if (c === '}') closes++;
        else if (c !== ' ') break;
      }
      if (!((commas === 1 && opens === 1) || (commas === 1 && closes === 1) || (closes === 1 && s[i] === ']'))) return result(p, TracerParse.Failed);
      if (s[i] === ']') { i++; break; }
      const next = jsonString(s, i);
      if (next.r !== TracerParse.Ok) return result(p, next.r);
      name = next.value!;
      i = next.end;
    }
  }
  while (s[i] === ' ') i++;
  if (i >= n) return result(p, TracerParse.Truncated);
  return s[i] === ']' ? p : result(p, TracerParse.Failed);
}
