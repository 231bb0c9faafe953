import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.spec.ts'],
    // better-sqlite3 is a native module: child processes isolate it best.
    pool: 'forks',
    // The machine has 2 cores; browser specs start their own Chromium.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
