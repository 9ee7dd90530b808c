/**
 * What the state engine and the inspector ask of the event table for every event (flags,
 * direction, the fd parameter, whether the first parameter is a result), compiled once into
 * typed arrays by event id: reading them from the table's objects was a few percent of the state
 * pass, as those objects lie scattered over the heap and the name checks compared strings.
 */
import { EVENTS, EventCategory } from '../../../shared/scap/eventTable';

export const enum Direction { UNKNOWN, ENTER, EXIT }

const count = EVENTS.length;
/** The event table's flags (0 for ids the table does not know). */
export const EVENT_FLAGS = new Uint32Array(count);
export const EVENT_DIRECTION = new Uint8Array(count);
/** The parameter holding the fd the event uses (EF_USES_FD), or -1. */
export const EVENT_FD_PARAM = new Int16Array(count).fill(-1);
/** 1 where the first parameter is a result that sets evt.res's error code: `res`, or an `fd...`. */
export const EVENT_RESULT_FIRST = new Uint8Array(count);
/** 1 for events of category INTERNAL (procinfo, drop, ...), hidden without `all`. */
export const EVENT_INTERNAL = new Uint8Array(count);

for (const info of EVENTS) {
  const id = info.id;
  EVENT_FLAGS[id] = info.flags;
  EVENT_DIRECTION[id] = info.direction === 'enter' ? Direction.ENTER : Direction.EXIT;
  EVENT_FD_PARAM[id] = info.fdParam;
  const first = info.params[0]?.name;
  EVENT_RESULT_FIRST[id] = first !== undefined && (first === 'res' || first.startsWith('fd')) ? 1 : 0;
  EVENT_INTERNAL[id] = (info.category & EventCategory.INTERNAL) !== 0 ? 1 : 0;
}

/** A set of event ids as a table by id (1 = in the set), for checks made on every event. */
export function eventIdTable(ids: readonly number[]): Uint8Array {
  const table = new Uint8Array(Math.max(count, ...ids.map((id) => id + 1)));
  for (const id of ids) table[id] = 1;
  return table;
}

/** Whether `type` is in a table made by eventIdTable. */
export function inTable(table: Uint8Array, type: number): boolean {
  return type < table.length && table[type] === 1;
}
