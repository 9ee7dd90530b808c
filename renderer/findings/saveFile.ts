/** Saves an exported file (text or base64 bytes) through the browser's download. */
import type { ExportedFile } from '../../shared/findings/findingsApi';

export function saveExportedFile(f: ExportedFile): void {
  let body: BlobPart;
  if (f.encoding === 'base64') {
    const bin = atob(f.content);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    body = bytes;
  } else {
    body = f.content;
  }
  const url = URL.createObjectURL(new Blob([body], { type: f.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
