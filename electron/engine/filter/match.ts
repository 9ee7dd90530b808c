/** String, byte and path matching used by compiled checks; none of these allocate per call. */

/** ASCII case-insensitive substring search (sinsp icontains folds ASCII only). `needle` must be lower case. */
export function includesIgnoreCase(haystack: string, needle: string): boolean {
  const n = needle.length;
  const last = haystack.length - n;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < n; j++) {
      let c = haystack.charCodeAt(i + j);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== needle.charCodeAt(j)) continue outer;
    }
    return true;
  }
  return false;
}

/** ASCII lower-casing used for icontains needles. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** Byte substring search. */
export function bytesInclude(haystack: Uint8Array, needle: Uint8Array): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const first = needle[0];
  const last = haystack.length - n;
  outer: for (let i = 0; i <= last; i++) {
    if (haystack[i] !== first) continue;
    for (let j = 1; j < n; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * ASCII case-insensitive byte substring search (`evt.buffer icontains warn`, a Syscope extension:
 * sysdig 0.29.3 refuses icontains on buffers). `lowerNeedle` must be ASCII lower-cased.
 */
export function bytesIncludeIgnoreCase(haystack: Uint8Array, lowerNeedle: Uint8Array): boolean {
  const n = lowerNeedle.length;
  const last = haystack.length - n;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < n; j++) {
      let c = haystack[i + j];
      if (c >= 65 && c <= 90) c += 32;
      if (c !== lowerNeedle[j]) continue outer;
    }
    return true;
  }
  return false;
}

export function bytesStartWith(value: Uint8Array, prefix: Uint8Array, at = 0): boolean {
  if (at < 0 || value.length - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (value[at + i] !== prefix[i]) return false;
  return true;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && bytesStartWith(a, b);
}

/**
 * A shell wildcard pattern as a RegExp: fnmatch without FNM_PATHNAME, so `*` and `?` also match `/`;
 * `[...]` classes with `!` or `^` negation and ranges; a backslash quotes the next character.
 */
export function globToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') src += '[\\s\\S]*';
    else if (c === '?') src += '[\\s\\S]';
    else if (c === '\\' && i + 1 < pattern.length) src += escapeRegExp(pattern[++i]);
    else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '!' || pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j++;
      if (j >= pattern.length) { src += '\\['; continue; }
      let body = pattern.slice(i + 1, j);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      src += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = j;
    } else src += escapeRegExp(c);
  }
  return new RegExp(`^${src}$`, ignoreCase ? 'i' : '');
}

function escapeRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c;
}

/** A path split into its non-empty `/`-separated components (for pmatch prefixes; done once). */
export function pathComponents(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

/** True if the components of `path` start with `prefix` (`/usr/bin` matches `/usr/bin/ls`, not `/usr/binx`). */
export function pathHasPrefix(path: string, prefix: readonly string[]): boolean {
  let pos = 0;
  for (const comp of prefix) {
    while (path.charCodeAt(pos) === 47) pos++;
    if (!path.startsWith(comp, pos)) return false;
    pos += comp.length;
    if (pos < path.length && path.charCodeAt(pos) !== 47) return false;
  }
  return true;
}

/**
 * Does the network (bytes + prefix length) contain the address? Families must match, except that
 * the unspecified address (0.0.0.0, ::) is one address in both: a socket with no address yet, or
 * bound to any address, matches `fd.ip=0.0.0.0` and `fd.ip=::` whatever its family (as in sysdig).
 */
export function netContains(net: Uint8Array, prefix: number, addr: Uint8Array): boolean {
  if (net.length !== addr.length) return isZero(addr, addr.length * 8) && isZero(net, prefix);
  const whole = prefix >> 3;
  for (let i = 0; i < whole; i++) if (net[i] !== addr[i]) return false;
  const rest = prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (net[whole] & mask) === (addr[whole] & mask);
}

/** Are the first `bits` bits of the address zero? */
function isZero(bytes: Uint8Array, bits: number): boolean {
  const whole = bits >> 3;
  for (let i = 0; i < whole; i++) if (bytes[i] !== 0) return false;
  const rest = bits & 7;
  return rest === 0 || (bytes[whole] & ((0xff << (8 - rest)) & 0xff)) === 0;
}
