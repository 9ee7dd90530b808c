/**
 * The events list's columns for a narrow window (QA 16 R7): what an event is (its time of day,
 * direction, type and arguments) comes first, who made it and where (process, thread, CPU)
 * after, so at 1000 px the type and arguments are on screen. Headers are short words; each
 * header's tooltip names the field it shows. The time column reads the UTC time of day; its
 * cells' tooltips hold the date and evt.rawtime's raw nanoseconds.
 */

export interface EventColumn {
  /** Index into the engine's fields and each event's values. */
  index: number;
  field: string;
  header: string;
  width: string;
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
    .map((field, index) => ({ index, field, header: looks[field]?.header ?? field, width: looks[field]?.width ?? '5.5rem' }))
    .sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index);
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
