/**
 * Byte counts in sysdig's compact form (csysdig columns): 1.21K, 3.50M, 12G (powers of 1024,
 * suffix only above 1024). Integers print without decimals, rates with two.
 */

import { formatFixed } from './numbers';

const UNITS: ReadonlyArray<readonly [number, string]> = [
  [1024 ** 5, 'P'], [1024 ** 4, 'T'], [1024 ** 3, 'G'], [1024 ** 2, 'M'], [1024, 'K'],
];

export function formatBytesNice(value: number, options: { integer?: boolean; width?: number } = {}): string {
  const decimals = options.integer === false ? 2 : 0;
  let s = formatFixed(value, decimals);
  for (const [size, unit] of UNITS) {
    if (value > size) { s = formatFixed(value / size, decimals) + unit; break; }
  }
  const width = options.width ?? 0;
  if (width > 0 && s.length < width) s = ' '.repeat(width - s.length) + s;
  if (width > 0 && s.length > width) s = s.slice(s.length - width);
  return s;
}
