/**
 * The longest filter any call takes, and any findings step keeps. Generous: a pasted list of
 * event numbers or pids makes a long filter (3,000 `evt.num=N` terms are about 48,000
 * characters; the engine runs them in well under a second). Not more: a call must fit the
 * browser host's 1 MiB WebSocket message even when every character is JSON-escaped to 6 bytes,
 * and the engine tests every term on every event (60,000 terms take about 20 s). The filter
 * bar refuses longer ones in its own words.
 *
 * Its own module, importing only zod, so the call schemas (shared/ipc/schemas.ts) and the
 * schemas they gather (shared/streams, shared/findings) share it without an import cycle.
 */
import { z } from 'zod';

export const MAX_FILTER_CHARS = 160_000;

/** A filter as a request or a findings file carries it; over the cap it is refused in words. */
export const filterSchema = z.string().max(MAX_FILTER_CHARS, `the filter is longer than ${MAX_FILTER_CHARS.toLocaleString('en-US')} characters`);
