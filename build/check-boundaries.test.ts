import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain .mjs script without types
import { checkBoundaries } from './check-boundaries.mjs';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-bounds-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('renderer importing node:fs is rejected', () => {
  const dir = tree({ 'renderer/a.ts': "import { readFileSync } from 'node:fs';\n" });
  assert.equal(checkBoundaries(dir).length, 1);
});

test('engine importing electron is rejected, main may import it', () => {
  const dir = tree({
    'electron/engine/x.ts': "import { app } from 'electron';\n",
    'electron/main/main.ts': "import { app } from 'electron';\n",
  });
  const problems: string[] = checkBoundaries(dir);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /electron\/engine\/x\.ts/);
});

test('shared importing the engine or renderer is rejected', () => {
  const dir = tree({
    'shared/a.ts': "import { x } from '../electron/engine/y';\nimport { z } from '../renderer/z';\n",
    'shared/b.ts': "import { c } from './c';\n",
  });
  assert.equal(checkBoundaries(dir).length, 2);
});

test('renderer importing shared and react is allowed', () => {
  const dir = tree({ 'renderer/a.tsx': "import React from 'react';\nimport { f } from '../shared/f';\n" });
  assert.deepEqual(checkBoundaries(dir), []);
});
