// What `npm start -- [capture] [--port N]` asks for. Options that take a value take the next word
// (or `--port=N`), so a port number is never read as a capture; any other dashed word is refused,
// as every syscope command refuses one, rather than passed on silently.

export const APP_USAGE = 'usage: npm start -- [capture.scap] [--port N]   (--port: the browser host\'s port, where Electron is missing)';

export class AppUsageError extends Error {}

/** @param {string[]} args @returns {{ capture?: string, port?: string, help: boolean }} */
export function parseAppArgs(args) {
  /** @type {{ capture?: string, port?: string, help: boolean }} */
  const out = { help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--port' || a === '-p') {
      const v = args[++i];
      if (v === undefined || v === '') throw new AppUsageError(`${a} needs a port number`);
      out.port = portNumber(a, v);
    } else if (a.startsWith('--port=')) out.port = portNumber('--port', a.slice('--port='.length));
    else if (a.startsWith('-')) throw new AppUsageError(`unknown option '${a}'`);
    else setCapture(out, a);
  }
  return out;
}

/** @param {{ capture?: string }} out @param {string} word */
function setCapture(out, word) {
  if (out.capture !== undefined) throw new AppUsageError(`one capture at a time (got '${out.capture}' and '${word}')`);
  out.capture = word;
}

/**
 * Checked here, as serve checks it (and in its words), so a bad port is one line before the
 * launcher says anything about Electron (QA 19: "Electron is not installed…", then serve's error).
 * @param {string} option @param {string} value
 */
function portNumber(option, value) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n > 65535) throw new AppUsageError(`${option} needs a port number (0-65535), got '${value}'`);
  return value;
}
