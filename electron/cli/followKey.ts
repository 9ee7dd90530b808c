/**
 * What `--follow` takes (streams, export stream): a stream key as the streams list prints it,
 * `pid:fd#generation` (or `pid:fd`, every generation), or an fd name (a path, a connection
 * tuple). A word that is neither and names no fd that was read or written is a mistake in how
 * the command was called, said as such (exit 2), not an empty answer.
 */
import { UsageError } from '../engine/evidence/commandLine';

const STREAM_KEY = /^\d+:\d+(?:#\d+)?$/;

export function isStreamKey(key: string): boolean {
  return STREAM_KEY.test(key);
}

/**
 * The usage error for a --follow that matched no read or write, when it is not a stream key
 * (a key of the right form that matched nothing is an answer: that stream moved no bytes).
 */
export function unmatchedFollow(key: string, filtered: boolean): UsageError | undefined {
  if (isStreamKey(key)) return undefined;
  return new UsageError(`--follow '${key}' is neither a stream key nor the fd name of any read or write${filtered ? ' under this filter' : ''}: `
    + 'give pid:fd#generation as the streams list prints it (e.g. 5253:5#8), pid:fd, or an fd name it shows');
}

/** `pid:fd#1` as the streams list writes the first stream of an fd: `pid:fd`. */
export function listedFollowKey(key: string): string {
  return /^\d+:\d+#1$/.test(key) ? key.slice(0, -2) : key;
}
