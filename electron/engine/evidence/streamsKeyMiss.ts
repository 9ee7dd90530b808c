/**
 * Why a stream key (`pid:fd` or `pid:fd#n`) that a followed-stream query answered with nothing
 * names nothing in the capture: no process with that pid, no read or write on that fd of it, or
 * no such generation of the fd. One more pass, made only after an empty answer, that counts
 * stream keys as the streams list does (StreamExtractor), with no filter.
 */
import type { EventWalk } from './eventWalk';
import { StreamExtractor } from './streamExtractor';

const KEY = /^(\d+):(\d+)(?:#(\d+))?$/;

/**
 * The sentence saying what of `key` the capture lacks, or undefined when the capture has
 * reads or writes under it (then a filter or a window left them out) or `key` is not a stream key.
 */
export async function whatStreamKeyMisses<Ctx>(walk: EventWalk<Ctx>, key: string): Promise<string | undefined> {
  const m = KEY.exec(key);
  if (!m) return undefined;
  const pid = Number(m[1]);
  const fd = Number(m[2]);
  const generation = m[3] === undefined ? undefined : Number(m[3]);
  let name: string | undefined;
  let lastGeneration = 0;
  const extractor = new StreamExtractor(walk.lookup);
  await walk.walk((_ctx, e) => {
    if (e.thread?.pid === pid) name = e.thread.comm; // its latest name, after any exec
    const op = extractor.extract(e);
    if (!op || op.pid !== pid || op.fd !== fd) return;
    const hash = op.streamKey.indexOf('#');
    lastGeneration = Math.max(lastGeneration, hash < 0 ? 1 : Number(op.streamKey.slice(hash + 1)));
  }, (t) => { if (t.pid === pid) name ??= t.comm; });
  if (name === undefined) return `no process with pid ${pid} in the capture`;
  if (lastGeneration === 0) return `process ${pid} (${name}) never reads or writes fd ${fd} in the capture`;
  if (generation !== undefined && (generation < 1 || generation > lastGeneration)) {
    const has = lastGeneration === 1 ? `one stream in the capture (${pid}:${fd})` : `streams ${pid}:${fd} to ${pid}:${fd}#${lastGeneration} in the capture`;
    return `fd ${fd} of process ${pid} (${name}) has ${has}, no #${generation}`;
  }
  return undefined;
}
