/** Saves content as a file through the browser's download (works in Electron and the browser host). */
function save(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  save(fileName, new Blob([text], { type }));
}

export function downloadBytes(fileName: string, bytes: Uint8Array, type = 'application/octet-stream'): void {
  save(fileName, new Blob([bytes.slice().buffer], { type }));
}
