/**
 * Builds the dashboard when dist/dashboard is missing or older than its sources (`npm test`
 * builds first; a lone spec run after an edit may not). Spec files run in parallel, so a lock
 * folder makes the others wait for one build instead of starting their own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const sources = join(root, 'collector/dashboard');
const built = join(root, 'dist/dashboard/assets/main.js');
const lock = join(root, 'dist/.dashboard-build.lock');

/** The folder of the built dashboard. */
export const DASHBOARD_DIST = join(root, 'dist/dashboard');

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);
}

const fresh = () => existsSync(built) && statSync(built).mtimeMs >= newestSource(sources);

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs the dashboard's rollup build unless the build is newer than every source file. */
export function ensureDashboardBuilt(): void {
  const deadline = Date.now() + 170_000;
  while (!fresh()) {
    try {
      mkdirSync(lock, { recursive: false });
    } catch {
      // Another spec is building; wait for it (a lock older than the deadline is stale).
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      sleep(500);
      continue;
    }
    try {
      if (!fresh()) execFileSync('npx', ['rollup', '-c', 'collector/dashboard/rollup.dashboard.mjs'], { cwd: root, stdio: 'inherit' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
