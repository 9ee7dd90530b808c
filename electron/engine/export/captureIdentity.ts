/** A capture's identity for a report: its name, size and SHA-256, read in one streaming pass. */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';

export interface CaptureFileIdentity { fileName: string; sizeBytes: number; sha256: string }

export async function captureFileIdentity(path: string): Promise<CaptureFileIdentity> {
  const size = statSync(path).size;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return { fileName: basename(path), sizeBytes: size, sha256: hash.digest('hex') };
}
