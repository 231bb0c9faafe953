/**
 * The ClickHouse refresh of derived data (persons, sessions, counted conversions, last non-direct)
 * against the SQLite engine's: the same event rows go into both stores, in the same two phases
 * (so that late events re-shape sessions already derived), and every derived column must match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../collector/src/storage/sqlite/sqlite-store.js';
import { refreshDerived } from '../../collector/src/analytics/sessions/refresh-derived.js';
import { openClickHouseStore, type ClickHouseStore } from '../../collector/src/storage/clickhouse/clickhouse-store.js';
import type { EventRow } from '../../collector/src/storage/store.js';
import { startClickHouse, startClickHouseCluster, type ClickHouseCluster } from '../setup/clickhouse-server.js';
import { mulberry32 } from '../../collector/src/analytics/random.js';
import { eventsOfVisit, planVisits } from '../../bench/lib/dataset-shop.js';
import type { SessionOptionsInput } from '../../collector/src/analytics/sessions/session-options.js';

const MIN = 60_000;
const T0 = Date.UTC(2024, 2, 1, 2);

/** A generated shop (about 3,000 events), plus hand-made cases the shop lacks. */
function dataset(): EventRow[] {
  const rows: EventRow[] = [];
  const plan = planVisits(3000);
  let n = 0;
  for (const day of plan.byDay) {
    for (const v of day) {
      for (const r of eventsOfVisit(v, mulberry32(v.seed))) rows.push({ ...r, id: `g${(n++).toString().padStart(6, '0')}` });
    }
  }
  const base = rows[0];
  const ev = (id: string, anon: string, ts: number, over: Partial<EventRow> = {}): EventRow => ({
    ...base, id, anonymous_id: anon, ts, client_ts: ts, received_at: ts, user_id: null, event: 'page_view', is_bot: 0,
    source: '(direct)', medium: '(none)', channel: 'Direct', utm_source: null, utm_medium: null, utm_campaign: null, click_id: null,
    order_id: null, revenue: null, currency: null, goal: null, path: '/', ...over,
  });
  const paid = { source: 'baidu', medium: 'cpc', channel: 'Paid Search', utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' };
  const buy = (order: string) => ({ event: 'conversion', order_id: order, revenue: 100, currency: 'CNY', goal: 'purchase', path: '/thanks' });
  rows.push(
    // One order sent from two devices: only the earlier conversion counts.
    ev('h01', 'dev-a', T0, paid), ev('h02', 'dev-a', T0 + MIN, buy('o-1')),
    ev('h03', 'dev-b', T0 + 2 * MIN), ev('h04', 'dev-b', T0 + 3 * MIN, buy('o-1')),
    // Identify links the device's earlier events; a second user on the same device stays apart.
    ev('h05', 'dev-c', T0, paid), ev('h06', 'dev-c', T0 + MIN, { event: 'identify', user_id: 'u-c' }),
    ev('h07', 'dev-c', T0 + 2 * MIN, { user_id: 'u-other' }),
    // The same user on another device: last non-direct carries over across devices.
    ev('h08', 'dev-d', T0 + 3 * 3_600_000, { user_id: 'u-c' }),
    // Exactly 30 minutes apart: a new session.
    ev('h09', 'dev-e', T0), ev('h10', 'dev-e', T0 + 30 * MIN),
    // A campaign change inside a session (splits only with splitOnCampaignChange).
    ev('h11', 'dev-f', T0, paid), ev('h12', 'dev-f', T0 + MIN, { ...paid, utm_campaign: 'autumn' }), ev('h13', 'dev-f', T0 + 2 * MIN),
    // A bot, and a session longer than the bot limit (an event every 25 minutes for 4 days).
    ev('h14', 'dev-g', T0, { is_bot: 1 }),
    ...Array.from({ length: 4 * 24 * 60 / 25 }, (_, i) => ev(`h2${i.toString().padStart(3, '0')}`, 'dev-h', T0 + i * 25 * MIN)),
  );
  return rows;
}

/** Events arriving late: they join the two sessions of dev-e and add an earlier paid touch to dev-d. */
function lateRows(base: EventRow): EventRow[] {
  const ev = (id: string, anon: string, ts: number, over: Partial<EventRow> = {}): EventRow => ({
    ...base, id, anonymous_id: anon, ts, client_ts: ts, received_at: ts, user_id: null, event: 'page_view', is_bot: 0,
    source: '(direct)', medium: '(none)', channel: 'Direct', utm_source: null, utm_medium: null, utm_campaign: null, click_id: null,
    order_id: null, revenue: null, currency: null, goal: null, path: '/late', ...over,
  });
  return [
    ev('l01', 'dev-e', T0 + 15 * MIN),
    ev('l02', 'dev-d', T0 + 2 * 3_600_000, { user_id: 'u-c', source: 'weixin', medium: 'social', channel: 'Organic Social' }),
    // The earlier conversion of order o-1 now comes from a third device.
    ev('l03', 'dev-i', T0 - MIN, { event: 'conversion', order_id: 'o-1', revenue: 100, currency: 'CNY', goal: 'purchase' }),
  ];
}

const SESSION_COLUMNS = `site, session_key, anonymous_id, person_id, start_ts, end_ts, events, pageviews, conversions, landing_path,
  source, medium, campaign, content, term, channel, lnd_source, lnd_medium, lnd_campaign, lnd_channel,
  device_type, browser, os, platform, engaged, is_bot, too_long`;

async function compare(sqlite: SqliteStore, ch: ClickHouseStore, site: string, options: SessionOptionsInput): Promise<void> {
  refreshDerived(sqlite.db, site, { defaults: options });
  await ch.prepareReports(site);
  const sqliteSessions = sqlite.db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE site = ? ORDER BY session_key`).all(site);
  const chSessions = await ch.ch.rows(`SELECT ${SESSION_COLUMNS} FROM {table:sessions} FINAL WHERE site = {site:String} AND deleted = 0 ORDER BY session_key`, { site });
  expect(chSessions.length).toBe(sqliteSessions.length);
  expect(chSessions).toEqual(sqliteSessions);
  const sqliteEvents = sqlite.db.prepare(`SELECT id, person_id, session_key, (seq IN (SELECT seq FROM counted_conversions)) AS counted
    FROM events WHERE site = ? ORDER BY id`).all(site);
  const chEvents = await ch.ch.rows(`SELECT id, person_id, session_key, counted FROM {table:events} FINAL WHERE site = {site:String} ORDER BY id`, { site });
  expect(chEvents).toEqual(sqliteEvents);
}

for (const layout of ['one server', 'two shards'] as const) {
  describe(`ClickHouse refresh of derived data (${layout})`, () => {
    let cluster: ClickHouseCluster;
    let dir: string;
    beforeAll(async () => {
      cluster = layout === 'one server' ? await startClickHouse() : await startClickHouseCluster(2);
      dir = mkdtempSync(join(tmpdir(), 'maidian-refresh-'));
    });
    afterAll(async () => {
      await cluster?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const [name, options] of [
      ['GA4 defaults', {}],
      ['split on campaign change, 10-minute timeout, 1-day last non-direct lookback', { splitOnCampaignChange: true, sessionTimeoutMs: 10 * MIN, lastNonDirectLookbackMs: 86_400_000 }],
    ] as const) {
      it(`gives the SQLite engine's sessions, persons and counted conversions: ${name}`, async () => {
        const database = `t_${Math.random().toString(36).slice(2, 8)}`;
        const sqlite = openSqliteStore(join(dir, `${database}.db`));
        const ch = await openClickHouseStore({
          urls: cluster.servers.map((s) => s.httpUrl), cluster: cluster.cluster, database, bufferDir: join(dir, database),
        }, () => ({ defaults: options }));
        try {
          const rows = dataset();
          const site = rows[0].site;
          await sqlite.ingest(rows, []);
          expect((await ch.ingest(rows, [])).every((o) => o === 'accepted')).toBe(true);
          await compare(sqlite, ch, site, options);
          // Late events re-shape sessions already derived; a retried event stays one.
          const late = [...lateRows(rows[0]), rows[5]];
          await sqlite.ingest(late, []);
          expect(await ch.ingest(late, [])).toEqual(['accepted', 'accepted', 'accepted', 'duplicate']);
          await compare(sqlite, ch, site, options);
        } finally {
          await sqlite.close();
          await ch.close();
        }
      }, 120_000);
    }
  });
}
