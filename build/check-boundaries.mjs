// Enforces the design card's import boundaries (run by `npm run lint` and `npm test`).
//   shared/            pure TypeScript: imports only shared/ (and zod); no Node, no DOM libs, no electron
//   renderer/          imports renderer/, shared/, and browser libraries; never Node, electron or electron/
//   electron/ (engine, cli, host, worker): Node only; never the `electron` package, never renderer/
//   electron/main, electron/preload: the only places allowed to import `electron`
// Tests (*.test.ts) may also import node:test and node:assert; component tests (*.spec.tsx) vitest.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
const rendererPackages = /^(react|react-dom|zustand|d3(-[a-z-]+)?)(\/|$)/;
const sharedPackages = /^(zod)(\/|$)/;

function area(rel) {
  if (rel.startsWith(`shared${sep}`)) return 'shared';
  if (rel.startsWith(`renderer${sep}`)) return 'renderer';
  if (rel.startsWith(`electron${sep}main${sep}`) || rel.startsWith(`electron${sep}preload${sep}`)) return 'electron-main';
  if (rel.startsWith(`electron${sep}`)) return 'node';
  return 'other';
}

function violation(fromArea, spec, targetRel, isTest) {
  const testLib = isTest && /^(node:(test|assert)|vitest)(\/|$)/.test(spec);
  if (targetRel !== null) {
    const to = area(targetRel);
    if (fromArea === 'shared' && to !== 'shared') return `shared/ may import only shared/ (got ${targetRel})`;
    if (fromArea === 'renderer' && to !== 'renderer' && to !== 'shared') return `renderer/ may import only renderer/ and shared/ (got ${targetRel})`;
    if (fromArea === 'node' && (to === 'renderer' || to === 'electron-main')) return `the engine may not import ${targetRel}`;
    return null;
  }
  if (spec === 'electron' || spec.startsWith('electron/')) {
    return fromArea === 'electron-main' ? null : `only electron/main and electron/preload may import 'electron'`;
  }
  if (testLib) return null;
  if (fromArea === 'shared' && !sharedPackages.test(spec)) return `shared/ is pure TypeScript; '${spec}' is not allowed`;
  if (fromArea === 'renderer' && !rendererPackages.test(spec)) return `renderer/ reaches Node only through the preload API; '${spec}' is not allowed`;
  return null;
}

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export function checkBoundaries(baseDir = root) {
  const problems = [];
  for (const top of ['shared', 'renderer', 'electron']) {
    let files = [];
    try { files = walk(join(baseDir, top), []); } catch { continue; }
    for (const file of files) {
      const rel = relative(baseDir, file);
      const from = area(rel);
      const text = readFileSync(file, 'utf8');
      const isTest = /\.(test|spec)\.tsx?$/.test(file);
      for (const m of text.matchAll(importRe)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
        const targetRel = spec.startsWith('.') ? relative(baseDir, resolve(dirname(file), spec)) : null;
        const why = violation(from, spec, targetRel, isTest);
        if (why) problems.push(`${rel}: imports '${spec}': ${why}`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkBoundaries();
  for (const p of problems) console.error(p);
  if (problems.length) { console.error(`${problems.length} import boundary violation(s)`); process.exit(1); }
  console.log('import boundaries: ok');
}
