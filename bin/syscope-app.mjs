#!/usr/bin/env node
// `npm start [-- capture.scap] [--port N]`: the Electron app where its binary exists; otherwise, in
// one line, why not, and the same renderer from the browser host (its URL printed first).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { APP_USAGE, AppUsageError, parseAppArgs } from './appArgs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = join(root, 'dist', 'sample', 'crashloop-nginx.scap');
let asked;
try {
  asked = parseAppArgs(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof AppUsageError)) throw e;
  console.error(`syscope: ${e.message} (${APP_USAGE})`);
  process.exit(2);
}
if (asked.help) {
  console.log(APP_USAGE);
  process.exit(0);
}

function electronBinary() {
  try {
    // The electron package exports the path of its downloaded binary (and throws without it).
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!existsSync(join(root, 'dist', 'cli.mjs')) || !existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  console.error('syscope: not built yet; run `npm install` (or `npm run build`) first');
  process.exit(1);
}

const binary = electronBinary();
let child;
if (binary && existsSync(join(root, 'dist', 'electron', 'main.cjs'))) {
  if (asked.port !== undefined) console.log('(--port is for the browser host; the Electron app listens on no port)');
  const capture = asked.capture ?? (existsSync(sample) ? sample : undefined);
  child = spawn(binary, [root, ...(capture ? [capture] : [])], { stdio: 'inherit' });
} else {
  console.log('Electron is not installed here (its binary could not be downloaded); serving Syscope to your browser instead.');
  let capture = asked.capture;
  if (capture === undefined) {
    if (existsSync(sample)) capture = sample;
    else console.log(`The bundled sample capture is missing (${sample}); opening the welcome screen. Run \`npm run build\` to make it.`);
  }
  const serveArgs = [...(capture ? [capture] : []), ...(asked.port !== undefined ? ['--port', asked.port] : [])];
  child = spawn(process.execPath, [join(root, 'dist', 'cli.mjs'), 'serve', ...serveArgs], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
