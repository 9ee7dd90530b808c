/**
 * Opens a capture file as a stream of large chunks, gunzipping transparently (all members).
 * Every failure to open becomes a one-line CaptureError naming the file.
 */
import { open, stat } from 'node:fs/promises';
import { createReadStream, type ReadStream } from 'node:fs';
import { createGunzip, type Gunzip } from 'node:zlib';
import { basename } from 'node:path';
import { CaptureError } from './types';

export const FILE_CHUNK_BYTES = 4 << 20;
export const GUNZIP_CHUNK_BYTES = 1 << 20;

export interface CaptureSource {
  compressed: boolean;
  totalBytes: number;
  /** Bytes read from the file so far (compressed bytes for gzip files). */
  bytesRead(): number;
  chunks: AsyncIterable<Buffer>;
  close(): void;
}

function openError(path: string, err: unknown): CaptureError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why = code === 'ENOENT' ? 'no such file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'is a directory'
    : (err instanceof Error ? err.message.split('\n')[0] : String(err));
  return new CaptureError(`${basename(path)}: cannot open capture: ${why}`);
}

export async function openCaptureSource(path: string): Promise<CaptureSource> {
  let size: number;
  let magic: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = st.size;
    const fh = await open(path, 'r');
    try {
      magic = Buffer.alloc(2);
      const { bytesRead } = await fh.read(magic, 0, 2, 0);
      magic = magic.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw openError(path, err);
  }
  const file: ReadStream = createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES });
  const compressed = magic.length === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  let gunzip: Gunzip | undefined;
  if (compressed) {
    gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
    // Errors of the file stream must reach the consumer through the gunzip stream it iterates.
    file.on('error', (err) => gunzip!.destroy(err));
    file.pipe(gunzip);
  }
  return {
    compressed,
    totalBytes: size,
    bytesRead: () => file.bytesRead,
    chunks: (gunzip ?? file) as AsyncIterable<Buffer>,
    close() { gunzip?.destroy(); file.destroy(); },
  };
}
