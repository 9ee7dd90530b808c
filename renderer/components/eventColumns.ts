/**
 * The events list's columns for a narrow window (QA 16 R7): what an event is (its time of day,
 * direction, type and arguments) comes first, who made it and where (process, thread, CPU)
 * after, so at 1000 px the type and arguments are on screen. Headers are short words; each
 * header's tooltip names the field it shows. The time column reads the UTC time of day; its
 * cells' tooltips hold the date and evt.rawtime's raw nanoseconds.
 *
 * A list narrower than its columns (at 1000 px beside the Findings drawer: 34 rem for 55) fits
 * its room instead of scrolling sideways (QA H79): the arguments give way to an ellipsis down to
 * `leastArgumentsRem`, and the columns after them (cpu, then tid, then process) leave the list
 * while that is not enough. What left is in each arguments cell's tooltip with the whole
 * arguments, and in the event's detail.
 */

export interface EventColumn {
  /** Index into the engine's fields and each event's values. */
  index: number;
  field: string;
  header: string;
  width: string;
  /** Its width in rem; for the arguments (which take the rest) the least they have when there is room. */
  rem: number;
}

const order = ['evt.num', 'evt.rawtime', 'evt.time', 'evt.dir', 'evt.type', 'evt.info', 'proc.name', 'thread.tid', 'evt.cpu'];

const looks: Record<string, { header: string; width: string }> = {
  'evt.num': { header: '#', width: '4.5rem' },
  'evt.rawtime': { header: 'time (UTC)', width: '9.5rem' },
  'evt.time': { header: 'time', width: '9.5rem' },
  'evt.dir': { header: 'dir', width: '2.5rem' },
  'evt.type': { header: 'type', width: '7rem' },
  'evt.info': { header: 'arguments', width: 'minmax(16rem, 1fr)' },
  'proc.name': { header: 'process', width: '8rem' },
  'thread.tid': { header: 'tid', width: '4.5rem' },
  'evt.cpu': { header: 'cpu', width: '3rem' },
};

export function eventColumns(fields: string[]): EventColumn[] {
  const rank = (f: string) => { const r = order.indexOf(f); return r < 0 ? order.length : r; };
  return fields
    .map((field, index) => {
      const width = looks[field]?.width ?? '5.5rem';
      return { index, field, header: looks[field]?.header ?? field, width, rem: parseFloat(/[\d.]+(?=rem)/.exec(width)?.[0] ?? '0') };
    })
    .sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index);
}

/** The arguments are cut no narrower than this (about 20 characters) before columns leave the list. */
export const leastArgumentsRem = 10;

export interface FittedEventColumns {
  /** The columns in the list, in order. */
  shown: EventColumn[];
  /** The columns left out for want of room (their values are in the arguments' tooltip). */
  left: EventColumn[];
  /** The list's grid-template-columns. */
  template: string;
}

/** The columns fitting `roomRem` (the list's width; unknown: all of them, as laid out for room). */
export function fitEventColumns(columns: EventColumn[], roomRem: number | undefined): FittedEventColumns {
  const args = columns.findIndex((c) => c.field === 'evt.info');
  const total = (cs: EventColumn[]) => cs.reduce((s, c) => s + c.rem, 0);
  if (roomRem === undefined || args < 0 || total(columns) <= roomRem) {
    return { shown: columns, left: [], template: columns.map((c) => c.width).join(' ') };
  }
  const shown = columns.slice();
  const left: EventColumn[] = [];
  while (shown.length - 1 > args && total(shown) - shown[args].rem + leastArgumentsRem > roomRem) left.unshift(shown.pop()!);
  return { shown, left, template: shown.map((c) => (c.field === 'evt.info' ? 'minmax(0, 1fr)' : c.width)).join(' ') };
}

/** "09:41:07.250001837": the UTC time of day of nanoseconds since the epoch, to the nanosecond. */
export function timeOfDay(ns: string): string {
  if (!/^\d+$/.test(ns)) return ns;
  const big = BigInt(ns);
  const secondOfDay = Number((big / 1_000_000_000n) % 86_400n);
  const two = (n: number) => String(n).padStart(2, '0');
  const fraction = String(big % 1_000_000_000n).padStart(9, '0');
  return `${two(Math.floor(secondOfDay / 3600))}:${two(Math.floor(secondOfDay / 60) % 60)}:${two(secondOfDay % 60)}.${fraction}`;
}
