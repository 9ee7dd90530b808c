#!/usr/bin/env node
// Thin launcher: the CLI itself is bundled into dist/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  console.error('syscope: not built yet; run `npm install` (or `npm run build`) in the project folder');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
