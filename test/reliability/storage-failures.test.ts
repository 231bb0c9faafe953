/**
 * Storage failures: a full disk and a read-only database answer 503 with Retry-After (the SDK
 * keeps its events and retries, see test/unit/sdk/transport.test.ts), never 500 and never a
 * crash; a batch that failed is not half-stored (its transaction rolled back); the collector
 * keeps serving and accepts the same batch once storage is back.
 *
 * Two ways to break storage: (1) on the live connection (`PRAGMA max_page_count`, `PRAGMA
 * query_only`), which runs everywhere; (2) a real, tiny tmpfs that is filled up, which needs
 * permission to mount (root in the test container) and is skipped without it. A read-only
 * remount is not tested on the real filesystem: Linux refuses it (EBUSY) while the collector
 * holds the database open for writing, and a permission change does not affect an open file, so
 * on a running collector "read-only" only arises the way query_only produces it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../collector/src/server.js';
import { batch, pageView } from '../collector/helpers/events.js';
import { CHROME_UA } from '../collector/helpers/test-collector.js';
import { makeHome, type CollectorHome } from './helpers/spawn-collector.js';

process.env.MAIDIAN_LOG_LEVEL ??= 'silent';

let home: CollectorHome | undefined;
let collector: RunningCollector | undefined;
let mounted: string | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
  if (mounted) execFileSync('umount', [mounted]);
  mounted = undefined;
  home?.remove();
});

async function start(dbPath?: string): Promise<RunningCollector> {
  home = makeHome();
  collector = await startCollector({ dbPath: dbPath ?? home.dbPath, port: 0, config: home.configPath });
  return collector;
}

/** A batch of `n` page views with 1,000-character titles, so it needs several database pages. */
function bigBatch(n: number) {
  const now = Date.now();
  const events = Array.from({ length: n }, (_, i) => pageView(now, `/big/${i}`, { page: { title: 'x'.repeat(1000) } }));
  return { ids: events.map((e) => e.id as string), body: JSON.stringify(batch(events, now)) };
}

async function post(url: string, body: string) {
  const res = await fetch(`${url}/v1/batch`, { method: 'POST', body, headers: { 'content-type': 'text/plain', 'user-agent': CHROME_UA } });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

function storedOf(c: RunningCollector, ids: string[]): number {
  const stmt = c.store.db.prepare('SELECT COUNT(*) AS n FROM events WHERE id = ?');
  return ids.reduce((n, id) => n + (stmt.get(id) as { n: number }).n, 0);
}

function expect503(r: Awaited<ReturnType<typeof post>>) {
  expect(r.status).toBe(503);
  expect(r.retryAfter).toBe('30');
  expect(r.body.error.code).toBe('storage_unavailable');
  expect(r.body.error.message).toMatch(/nothing of this request was stored, send it again later/);
}

describe('storage failures on the live connection', () => {
  it('a full database answers 503 + Retry-After, stores no part of the batch, and recovers', async () => {
    const c = await start();
    const pages = (c.store.db.pragma('page_count', { simple: true }) as number);
    // Room for about one more page: 30 events × ~1 KB cannot fit, the first few would.
    c.store.db.pragma(`max_page_count = ${pages + 1}`);
    const b = bigBatch(30);
    expect503(await post(c.url, b.body));
    expect(storedOf(c, b.ids)).toBe(0); // rolled back, not half-written
    const health = await fetch(`${c.url}/healthz`);
    expect(health.status).toBe(200); // still serving
    c.store.db.pragma('max_page_count = 1073741823');
    const again = await post(c.url, b.body);
    expect(again.status).toBe(200);
    expect(again.body.accepted).toBe(30);
    expect(storedOf(c, b.ids)).toBe(30);
  });

  it('a read-only database answers 503 + Retry-After (batches and unreadable bodies alike) and recovers', async () => {
    const c = await start();
    c.store.db.pragma('query_only = 1');
    const b = bigBatch(3);
    expect503(await post(c.url, b.body));
    // An unreadable body is normally kept in the quarantine: that write fails the same way.
    expect503(await post(c.url, '{not json'));
    expect(storedOf(c, b.ids)).toBe(0);
    c.store.db.pragma('query_only = 0');
    expect((await post(c.url, b.body)).body.accepted).toBe(3);
  });
});

function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'maidian-mnt-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe.skipIf(!canMount())('storage failures on a real tiny filesystem', () => {
  function mountTmpfs(sizeKb: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'maidian-mnt-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
    mounted = dir;
    mkdirSync(join(dir, 'data'));
    return dir;
  }

  it('a full disk answers 503, stores nothing of the batch, and recovers when space returns', async () => {
    const dir = mountTmpfs(2048);
    const c = await start(join(dir, 'data', 'maidian.db'));
    expect((await post(c.url, bigBatch(5).body)).status).toBe(200);
    // Fill the disk: write a filler file until the filesystem refuses.
    const filler = join(dir, 'filler');
    try { writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024)); } catch { /* ENOSPC: the disk is full, as wanted */ }
    const b = bigBatch(60);
    expect503(await post(c.url, b.body));
    expect(storedOf(c, b.ids)).toBe(0);
    rmSync(filler);
    const again = await post(c.url, b.body);
    expect(again.status).toBe(200);
    expect(again.body.accepted).toBe(60);
  });
});
