/**
 * The dashboard's download budget, measured on the built files (gzip -9): the first page
 * load (entry script and style sheet) stays small, and everything together, ECharts included,
 * stays under 250 KB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DIST, ensureDashboardBuilt } from './support/ensure-dashboard-built.js';

const KB = 1024;
const gz = (file: string) => gzipSync(readFileSync(join(DASHBOARD_DIST, 'assets', file)), { level: 9 }).length;

describe('dashboard bundle budget', () => {
  let files: string[] = [];
  beforeAll(() => {
    ensureDashboardBuilt();
    files = readdirSync(join(DASHBOARD_DIST, 'assets'));
  }, 180_000);

  it('loads the first page with under 20 KB of script and style (gzip)', () => {
    const first = gz('main.js') + gz('styles.css');
    console.info(`dashboard first load: ${(first / KB).toFixed(1)} KB gzip`);
    expect(first).toBeLessThan(20 * KB);
  });

  it('keeps ECharts out of the entry and in one lazily loaded chunk', () => {
    const main = readFileSync(join(DASHBOARD_DIST, 'assets/main.js'), 'utf8');
    const echarts = files.filter((f) => f.startsWith('echarts-'));
    expect(echarts).toHaveLength(1);
    expect(main).not.toContain('zrender');
    // Nothing imports the chunk statically; it is fetched by import() when a chart is drawn.
    const code = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(DASHBOARD_DIST, 'assets', f), 'utf8'));
    expect(code.some((c) => c.includes(`from"./${echarts[0]}"`))).toBe(false);
    expect(code.some((c) => c.includes(`import("./${echarts[0]}")`))).toBe(true);
  });

  it('stays under 250 KB gzip for every script and style together', () => {
    const sizes = files.filter((f) => /\.(js|css)$/.test(f)).map((f) => [f, gz(f)] as const);
    const total = sizes.reduce((n, [, s]) => n + s, 0);
    console.info(`dashboard total: ${(total / KB).toFixed(1)} KB gzip; ${sizes.map(([f, s]) => `${f} ${(s / KB).toFixed(1)}`).join(', ')}`);
    expect(total).toBeLessThan(250 * KB);
  });
});
