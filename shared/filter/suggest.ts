/** "Did you mean …?" for unknown field names. */
import { FIELDS } from '../fields/catalog';

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: 'nmae' → 'name' costs 1). */
export function editDistance(a: string, b: string): number {
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** The catalog field closest to `written`, if it is close enough to be a plausible typo. */
export function closestField(written: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const f of FIELDS) {
    // A name that merely continues what was typed wins ties ('fd.nam' → 'fd.name', not 'fd.num').
    const d = editDistance(written, f.name) - (f.name.startsWith(written) ? 0.5 : 0);
    if (d < bestDistance) { best = f.name; bestDistance = d; }
  }
  const allowed = Math.max(2, Math.floor(written.length / 4));
  return bestDistance <= allowed ? best : undefined;
}
