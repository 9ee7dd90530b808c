import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaleUtc, utcFormat } from 'd3';
import { axisTicks, labelWidthPx } from './axisTicks';

function check(fromMs: number, toMs: number, width: number, format: string) {
  const label = utcFormat(format);
  const px = labelWidthPx(label(new Date(fromMs)));
  const ticks = axisTicks(fromMs, toMs, width, px);
  const x = scaleUtc().domain([new Date(fromMs), new Date(toMs)]).range([0, width]);
  assert.ok(ticks.length >= 2, `at least two labels on ${width}px (got ${ticks.length})`);
  for (const [i, d] of ticks.entries()) {
    assert.ok(x(d) - px / 2 >= 0 && x(d) + px / 2 <= width, `label ${label(d)} is cut off at an end`);
    if (i > 0) assert.ok(x(d) - x(ticks[i - 1]) >= px, `labels ${label(ticks[i - 1])} and ${label(d)} overlap`);
  }
  return ticks;
}

test('a sub-second capture (334.5 ms, like a cut 502 capture) gets millisecond labels that neither overlap nor get cut off', () => {
  const from = Date.UTC(2017, 8, 23, 0, 44, 29, 900);
  check(from, from + 334.5, 1344, '%H:%M:%S.%L');
  check(from, from + 334.5, 1008, '%H:%M:%S.%L');
  check(from, from + 24, 600, '%H:%M:%S.%L');
});

test('minutes-long and day-long captures keep labels apart too', () => {
  const from = Date.UTC(2024, 2, 12, 9, 41, 7, 250);
  check(from, from + 338_000, 1344, '%H:%M:%S');
  check(from, from + 3 * 86_400_000, 400, '%b %d %H:%M');
});
