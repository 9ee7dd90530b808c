// electron-builder cannot run here (it downloads an Electron binary per platform), so the
// packaging configuration is kept honest by reading it the way electron-builder does (YAML)
// and checking what the release needs: targets per platform, only dist/ shipped, asar,
// the .scap association, and a main entry that the build really produces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

type Target = string | { target: string; arch?: string[] };
interface BuilderConfig {
  appId?: string;
  asar?: boolean;
  files?: string[];
  extraMetadata?: { main?: string };
  fileAssociations?: { ext: string; name?: string; role?: string }[];
  linux?: { target?: Target[] };
  mac?: { target?: Target[] };
  win?: { target?: Target[] };
}

const config = yaml.load(readFileSync(join(root, 'build', 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const targetNames = (targets: Target[] | undefined) => (targets ?? []).map((t) => (typeof t === 'string' ? t : t.target));

test('Linux packages are an AppImage and a deb', () => {
  assert.deepEqual(targetNames(config.linux?.target).filter((t) => t === 'AppImage' || t === 'deb').sort(), ['AppImage', 'deb']);
});

test('macOS gets one universal dmg', () => {
  const dmg = (config.mac?.target ?? []).find((t) => typeof t !== 'string' && t.target === 'dmg');
  assert.ok(dmg && typeof dmg !== 'string', 'a dmg target with an explicit arch');
  assert.deepEqual(dmg.arch, ['universal']);
});

test('Windows gets an NSIS installer', () => {
  assert.ok(targetNames(config.win?.target).includes('nsis'));
});

test('the package ships dist/ and package.json only, without source maps or node_modules, in an asar archive', () => {
  const files = config.files ?? [];
  const included = files.filter((f) => !f.startsWith('!'));
  assert.deepEqual(included.sort(), ['dist/**/*', 'package.json']);
  assert.ok(files.includes('!dist/**/*.map'));
  assert.ok(files.some((f) => f.startsWith('!') && f.includes('node_modules')));
  assert.equal(config.asar, true);
});

test('.scap files open with the app', () => {
  const scap = (config.fileAssociations ?? []).find((a) => a.ext === 'scap');
  assert.ok(scap, 'a .scap file association');
  assert.ok(scap.name && scap.name.length > 0);
});

test('the app id is a reverse-DNS name', () => {
  assert.match(config.appId ?? '', /^[a-z][a-z0-9-]*(\.[a-z0-9-]+){2,}$/);
});

test('the main entry named for the package exists after a build', () => {
  const main = config.extraMetadata?.main ?? (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main?: string }).main;
  assert.ok(main, 'a main entry');
  assert.ok(main.startsWith('dist/'), 'the main entry is inside the shipped files');
  if (!existsSync(join(root, main))) {
    const r = spawnSync(process.execPath, [join(root, 'build', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `build failed: ${(r.stderr || r.stdout).split('\n')[0]}`);
  }
  assert.ok(existsSync(join(root, main)), `${main} is built`);
  assert.ok(existsSync(join(root, 'dist', 'electron', 'preload.cjs')), 'the preload is built beside it');
});
