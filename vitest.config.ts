// Component tests: React panels and the capture store in a DOM (happy-dom), run by `vitest run`.
// Only renderer/**/*.spec.tsx: Node's test runner (test/run-tests.mjs) runs the *.test.ts files
// and never sees these, so the two runners never load each other's tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['renderer/**/*.spec.tsx'],
    environment: 'happy-dom',
    pool: 'threads',
    poolOptions: { threads: { maxThreads: 2, minThreads: 1 } },
  },
});
