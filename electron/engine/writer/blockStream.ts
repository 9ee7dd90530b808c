/**
 * Walks the blocks of a capture (gunzipped transparently) and hands each one, whole and raw, to
 * a callback: what the subset writer needs to copy blocks byte for byte. Only the framing is
 * checked (scap-file-format.md §2); decoding is the reader's business.
 */
import { basename } from 'node:path';
import { openCaptureSource, streamBreak } from '../capture/captureSource';
import { CaptureError } from '../capture/types';
import { emptyFile, endsInSectionHeader, notACapture } from '../capture/notACapture';
import { BlockType, blockTypeName, isEventBlock } from '../capture/blockTypes';
import { blockFitsEvent, DecodedEvent, decodeEventBlock } from '../capture/eventDecoder';

/**
 * `block` is only valid during the call (it may be a view of a reused chunk). Returning
 * STOP_WALK ends the walk after this block, as a whole read would end (no error, no break).
 */
export type BlockCallback = (blockType: number, block: Buffer, streamOffset: number) => void | typeof STOP_WALK;
export const STOP_WALK = 'stop';

/**
 * Resolves with `truncatedAt` set when the capture ends inside a block (every whole block was
 * delivered), and `streamError` when a gzip capture's stream breaks there (cut off or damaged):
 * the blocks decompressed before it are delivered, as the reader reads them (readCapture.ts).
 * Where the block framing breaks (a length no block has, a trailer that disagrees), the blocks
 * before it are delivered and `framingBreak` says where, in the reader's words, since the reader
 * stops there too; the writer's copy then holds what every other command reads.
 */
export async function forEachBlock(
  path: string, onBlock: BlockCallback, signal?: AbortSignal, onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<{ truncatedAt?: number; streamError?: string; framingBreak?: string }> {
  const source = await openCaptureSource(path);
  let carry: Buffer | null = null;
  let base = 0; // stream offset of the first byte of `buf`
  let streamError: string | undefined;
  let framingBreak: string | undefined;
  try {
    try {
      reading: for await (const chunk of source.chunks) {
        if (signal?.aborted) throw new CaptureError('cancelled');
        const buf: Buffer = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
        let off = 0;
        while (off + 8 <= buf.length) {
          const type = buf.readUInt32LE(off);
          const len = buf.readUInt32LE(off + 4);
          const at = base + off;
          if (at === 0 && type !== SHB) throw notACapture(basename(path), buf);
          framingBreak = impossibleLength(at, len);
          if (framingBreak === undefined && off + len > buf.length) break;
          framingBreak ??= trailerBreak(buf, off, len, type, at);
          if (framingBreak !== undefined) {
            if (at === 0) throw new CaptureError(`${basename(path)}: ${framingBreak.replace(/;.*/, '')}`, 0);
            base = at;
            carry = null;
            break reading;
          }
          const stop = onBlock(type, buf.subarray(off, off + len), at) === STOP_WALK;
          off += len;
          if (stop) {
            base += off;
            carry = null;
            break reading;
          }
        }
        base += off;
        carry = off < buf.length ? Buffer.from(buf.subarray(off)) : null;
        onProgress?.(source.bytesRead(), source.totalBytes);
      }
    } catch (err) {
      // A cut-off or damaged gzip stream: the whole blocks before it were delivered.
      streamError = streamBreak(err, source);
    }
  } finally {
    source.close();
  }
  if (framingBreak !== undefined) return { truncatedAt: base, framingBreak };
  if (base === 0) {
    if (streamError !== undefined) throw new CaptureError(`${basename(path)}: not a readable gzip file (${streamError})`);
    // Not one whole block: said as the reader says it (readCapture.ts), never an empty output.
    if (!carry || carry.length === 0) throw emptyFile(basename(path));
    if (carry.length < 4 || carry.readUInt32LE(0) !== SHB) throw notACapture(basename(path), carry);
    throw endsInSectionHeader(basename(path), carry.length);
  }
  if (streamError !== undefined) return { truncatedAt: base, streamError };
  return carry && carry.length > 0 ? { truncatedAt: base } : {};
}

const SHB = 0x0a0d0d0a;

/** As the reader takes block lengths (readCapture.ts): real files hold event blocks over libscap's 64 KiB. */
const MAX_BLOCK_BYTES = 1 << 30;

function impossibleLength(at: number, len: number): string | undefined {
  if (len >= 12 && len <= MAX_BLOCK_BYTES) return undefined;
  return `block at offset ${at} has an impossible length ${len}; the rest of the capture cannot be located and was not read`;
}

let scratchEvent: DecodedEvent | undefined;

/**
 * Where a block's trailer disagrees with its length, whether the reader stops there: for every
 * block but a section header, unless it is an event that decodes and fills the block but for
 * padding (libscap checks the trailers of metadata blocks only).
 */
function trailerBreak(buf: Buffer, off: number, len: number, type: number, at: number): string | undefined {
  const trailer = buf.readUInt32LE(off + len - 4);
  if (trailer === len || type === BlockType.SECTION_HEADER) return undefined;
  if (isEventBlock(type) && decodeEventBlock(scratchEvent ??= new DecodedEvent(), buf, off, len, type) === null
    && blockFitsEvent(buf, off, len, type)) return undefined;
  return `${blockTypeName(type)} block at offset ${at} says it is ${len} bytes long but its trailer says ${trailer}; the rest of the capture was not read`;
}
