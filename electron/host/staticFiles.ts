/** Serves the built renderer (dist/renderer) and nothing else; no directory listing, no `..`. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

export interface StaticFile { body: Buffer; contentType: string }

/** Returns the file for a URL path, or null when there is none (or the path tries to escape). */
export async function readStaticFile(rendererDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try { decoded = decodeURIComponent(urlPath.split('?')[0]); } catch { return null; }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(rendererDir, relative));
  if (full !== rendererDir && !full.startsWith(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep)) return null;
  const contentType = contentTypes[extname(full)];
  if (!contentType) return null;
  try {
    return { body: await readFile(full), contentType };
  } catch {
    return null;
  }
}

/** Where the built renderer sits, from the bundled CLI (dist/) or from source (electron/host). */
export function findRendererDir(fromDir: string): string | null {
  for (const candidate of [join(fromDir, 'renderer'), join(fromDir, '..', '..', 'dist', 'renderer'), join(fromDir, '..', 'dist', 'renderer')]) {
    if (existsSync(join(candidate, 'index.html'))) return normalize(candidate);
  }
  return null;
}
