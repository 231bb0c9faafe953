/**
 * Ingest on ClickHouse. Nothing accepted is lost: while the server is down, batches are
 * acknowledged from the collector's on-disk buffer; a collector stopped in that state hands the
 * buffer to the next one, which inserts it once ClickHouse is back. Invalid events are quarantined
 * and replayed as on SQLite. Counts are worked out from what was sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batch, custom, pageView } from '../collector/helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, shopDictionary, startClickHouseTestCollector, type ClickHouseTestCollector } from '../collector/helpers/test-collector.js';
import { startClickHouse, type ClickHouseCluster } from '../setup/clickhouse-server.js';

const T = Date.UTC(2026, 2, 2, 2); // 10:00 on 2026-03-02 in Shanghai
const SUMMARY = '/v1/stats/summary?site=shop&from=2026-03-02&to=2026-03-02';

describe('the ClickHouse buffer', () => {
  let server: ClickHouseCluster;
  let dir: string;
  const running: ClickHouseTestCollector[] = [];
  beforeAll(async () => {
    server = await startClickHouse();
    dir = mkdtempSync(join(tmpdir(), 'maidian-buffer-'));
  });
  afterAll(async () => {
    for (const c of running) await c.stop().catch(() => {});
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const start = async () => {
    const c = await startClickHouseTestCollector({ urls: [server.servers[0].httpUrl], cluster: null, database: 'maidian', bufferDir: join(dir, 'buffer') });
    running.push(c);
    return c;
  };
  const views = (visitor: string, n: number, at: number) =>
    Array.from({ length: n }, (_, i) => pageView(at + i * 60_000, `/p${i}`, { anonymousId: visitor, sessionId: visitor }));

  it('acknowledges while ClickHouse is down and delivers every event after it returns, once', async () => {
    const first = await start();
    const a = views('v-a', 3, T);
    expect((await first.post('/v1/batch', batch(a, Date.now()))).body.accepted).toBe(3);
    expect((await first.get(SUMMARY, READ_TOKEN)).body.pageviews).toBe(3);

    await server.kill(0);
    const b = views('v-b', 4, T + 3_600_000);
    const res = await first.post('/v1/batch', batch(b, Date.now()));
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(4);
    // A report cannot be answered without ClickHouse: it says so rather than answering short.
    expect((await first.get(SUMMARY, READ_TOKEN)).status).toBeGreaterThanOrEqual(500);
    await first.stop();
    const left = readdirSync(join(dir, 'buffer')).filter((f) => f.endsWith('.jsonl'));
    expect(left.length).toBeGreaterThan(0);

    await server.restart(0);
    const second = await start();
    const summary = (await second.get(SUMMARY, READ_TOKEN)).body;
    // 3 before the outage + 4 during it; two visitors, two sessions.
    expect([summary.pageviews, summary.visitors, summary.sessions]).toEqual([7, 2, 2]);
    // The SDK retries batch b (it never saw an answer, say): every event is a duplicate now.
    const retry = await second.post('/v1/batch', batch(b, Date.now()));
    expect(retry.body).toMatchObject({ accepted: 0, duplicate: 4 });
    expect((await second.get(SUMMARY, READ_TOKEN)).body.pageviews).toBe(7);
    expect(existsSync(join(dir, 'buffer', 'open.jsonl'))).toBe(true);
  }, 90_000);

  it('quarantines invalid events with their reasons and replays them after a dictionary fix', async () => {
    const c = await startClickHouseTestCollector({ urls: [server.servers[0].httpUrl], cluster: null, database: 'quarantine' });
    running.push(c);
    const now = Date.now();
    const trial = custom(now - 2000, 'start_trial', { days: 14 });
    const gold = custom(now - 1000, 'signup', { plan: 'gold' });
    const sent = await c.post('/v1/batch', batch([trial, gold], now));
    expect(sent.body).toMatchObject({ accepted: 0, quarantined: 2 });
    const listed = await c.get('/v1/quarantine?site=shop', READ_TOKEN);
    expect(listed.body.items.map((i: { eventId: string }) => i.eventId).sort()).toEqual([trial.id, gold.id].sort());
    expect(listed.body.items.every((i: { reasons: unknown[] }) => i.reasons.length > 0)).toBe(true);

    const fixed = shopDictionary() as any;
    fixed.version = 2;
    fixed.events.start_trial = {
      description: { en: 'Trial started', zh: '开始试用' },
      properties: { days: { type: 'integer', min: 1, max: 30, description: { en: 'Trial length', zh: '试用天数' } } },
    };
    c.writeDictionary(fixed);
    const replay = await c.post('/v1/quarantine/replay', { site: 'shop' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    // trial is valid now; gold's plan is still not one the dictionary allows.
    expect(replay.body).toEqual({ site: 'shop', dictionaryVersion: 2, checked: 2, replayed: 1, duplicate: 0, stillInvalid: 1 });
    const open = await c.get('/v1/quarantine?site=shop', READ_TOKEN);
    expect(open.body.items.map((i: { eventId: string }) => i.eventId)).toEqual([gold.id]);
    const again = await c.post('/v1/quarantine/replay', { site: 'shop' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(again.body).toMatchObject({ checked: 1, replayed: 0, stillInvalid: 1 });
    const rows = await c.store.ch.rows<{ id: string; event: string }>('SELECT id, event FROM {table:events} FINAL');
    expect(rows).toEqual([{ id: trial.id, event: 'start_trial' }]);
  }, 60_000);
});
