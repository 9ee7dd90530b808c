/**
 * csysdig merges thread rows in the order its std::unordered_map walks them, which
 * views/sinspRowOrder.ts reproduces. This checks the reproduction against a real
 * std::unordered_map built by the C++ compiler at hand (the libstdc++ csysdig 0.29.3 runs on is
 * Debian 12's, GCC 12), over tables of 1 to 5000 thread ids inserted in random orders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { int64KeyBytes, sinspKeyHash, unorderedMapWalk } from '../../electron/engine/views/sinspRowOrder';

const compiler = spawnSync('g++', ['--version']).status === 0;

// Keys are the hash codes themselves (an identity hasher): the walk depends on codes only.
const WALK = `#include <unordered_map>
#include <cstdio>
#include <cstdint>
struct Code { size_t operator()(const uint64_t& k) const { return k; } };
int main() {
  std::unordered_map<uint64_t, int, Code> m;
  unsigned long long v; int i = 0;
  while (scanf("%llu", &v) == 1) m.emplace(v, i++);
  for (auto& e : m) printf("%d\\n", e.second);
}
`;

test('the merge walk equals a real std::unordered_map\'s over random tables of thread ids', { skip: compiler ? false : 'no g++' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-walk-'));
  try {
    writeFileSync(join(dir, 'walk.cpp'), WALK);
    const built = spawnSync('g++', ['-O1', '-o', join(dir, 'walk'), join(dir, 'walk.cpp')], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(random() ** 2 * 5000);
      const seen = new Set<bigint>();
      const hashes: bigint[] = [];
      while (hashes.length < n) {
        const tid = trial % 2 ? Math.floor(random() * 4_000_000) : 1000 + Math.floor(random() * 3 * n);
        const h = sinspKeyHash(int64KeyBytes(tid));
        if (!seen.has(h)) { seen.add(h); hashes.push(h); }
      }
      const real = spawnSync(join(dir, 'walk'), { input: hashes.join('\n'), encoding: 'utf8' });
      assert.deepEqual(unorderedMapWalk(hashes), real.stdout.trim().split('\n').map(Number), `table of ${n} thread ids`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
