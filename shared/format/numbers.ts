/** Number text the way C's printf writes it, for values sysdig prints with printf. */

/** C `%g` (`%lg`): 6 significant digits, trailing zeros dropped, exponent form outside 1e-4..1e6. */
export function formatShortestDouble(v: number, precision = 6): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const exp = v.toExponential(precision - 1);
  const x = Number(exp.slice(exp.indexOf('e') + 1));
  if (x < -4 || x >= precision) {
    const [mant, e] = exp.split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const ev = Number(e);
    return `${m}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  const fixed = v.toFixed(Math.max(0, precision - 1 - x));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/**
 * C `%.Nf`: like toFixed, except that exact halves round to even as glibc does (2.5 → "2");
 * toFixed rounds them up. Exact for N = 0; for N > 0 only binary-exact halves are treated so.
 */
export function formatFixed(v: number, decimals: number): string {
  const scaled = v * 10 ** decimals;
  if (Number.isFinite(scaled) && Math.abs(scaled) < 2 ** 52 && Math.abs(scaled % 1) === 0.5 && scaled / 10 ** decimals === v) {
    const down = Math.trunc(scaled);
    const even = down % 2 === 0 ? down : down + Math.sign(scaled);
    return (even / 10 ** decimals).toFixed(decimals);
  }
  return v.toFixed(decimals);
}
