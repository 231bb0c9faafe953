/** Builds the SDK when its bundles are missing (`npm test` builds first; a lone spec run may not). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `npm run build` unless every named bundle of `dist/sdk/` exists. */
export function ensureSdkBuilt(bundles: string[] = ['maidian.js', 'index.mjs']): void {
  if (bundles.every((b) => existsSync(`${root}dist/sdk/${b}`))) return;
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
