/**
 * SDK size: each Maidian build, and the browser builds of other open-source trackers fetched from
 * the npm registry (pinned versions), all measured the same way: minified file as shipped,
 * gzip level 9 and brotli quality 11.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

export interface SizeRow {
  name: string;
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

const MAIDIAN = [
  { name: 'Maidian script tag', file: 'dist/sdk/maidian.js' },
  { name: 'Maidian npm ESM', file: 'dist/sdk/index.mjs' },
  { name: 'Maidian mini-program', file: 'dist/sdk/miniprogram.mjs' },
];

/** Peer trackers: package, version, the browser file inside it (a `.gz` file is unpacked first). */
const PEERS = [
  { name: 'Plausible tracker (npm)', pkg: '@plausible-analytics/tracker', version: '0.4.6', file: 'plausible.js' },
  { name: 'OpenPanel web (script tag)', pkg: '@openpanel/web', version: '1.4.1', file: 'dist/src/tracker.global.js' },
  { name: 'Segment analytics-next (standalone core chunk)', pkg: '@segment/analytics-next', version: '1.84.3', file: 'dist/umd/index.js.gz' },
  { name: 'posthog-js (array.js)', pkg: 'posthog-js', version: '1.449.2', file: 'dist/array.js' },
];

export function measure(name: string, file: string, code: Buffer): SizeRow {
  return {
    name,
    file,
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function benchSdkSize(cacheDir = '.tmp/peers'): { maidian: SizeRow[]; peers: SizeRow[]; missing: string[] } {
  const maidian = MAIDIAN.map((m) => measure(m.name, m.file, readFileSync(m.file)));
  const peers: SizeRow[] = [];
  const missing: string[] = [];
  for (const p of PEERS) {
    try {
      const dir = fetchPackage(p.pkg, p.version, cacheDir);
      let code = readFileSync(join(dir, p.file));
      if (p.file.endsWith('.gz')) code = gunzipSync(code);
      peers.push(measure(`${p.name} ${p.version}`, `${p.pkg}/${p.file}`, code));
    } catch (err) {
      missing.push(`${p.pkg}@${p.version}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return { maidian, peers, missing };
}

/** `npm pack`s a package into the cache (once) and unpacks it; returns the package folder. */
function fetchPackage(pkg: string, version: string, cacheDir: string): string {
  const dir = join(cacheDir, `${pkg.replace('/', '__')}@${version}`);
  if (!existsSync(join(dir, 'package'))) {
    mkdirSync(dir, { recursive: true });
    const tgz = execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  }
  return join(dir, 'package');
}
