/**
 * Engine equivalence over HTTP: the same generated shop month is ingested through POST /v1/batch
 * into a collector on SQLite and one on ClickHouse (one server, then two shards), the same ad
 * costs are imported into both, and every report endpoint must then answer the same body. The
 * same alert rules, evaluated at the same slots, must leave the same evaluations, incidents and
 * previews (helpers/alert-answers.ts), and the same tags and audiences the same values, members,
 * exports and lift (helpers/audience-answers.ts).
 *
 * Bodies are compared exactly: both engines round money to 4 decimals in SQL, and rates and model
 * credits are computed by the same TypeScript from the same integer counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, READ_TOKEN, startClickHouseTestCollector, startTestCollector, type ClickHouseTestCollector, type TestCollector } from '../collector/helpers/test-collector.js';
import { startClickHouse, startClickHouseCluster, type ClickHouseCluster } from '../setup/clickhouse-server.js';
import { ALERT_RULES, alertAnswers, qualityAnswers } from './helpers/alert-answers.js';
import { AUDIENCE_ANSWERS, audienceAnswers } from './helpers/audience-answers.js';
import { campaignAnswers } from './helpers/campaign-answers.js';
import { triggerAnswers } from './helpers/trigger-answers.js';
import { MONTH_RANGE, shopMonth } from './helpers/shop-month.js';

const R = MONTH_RANGE;
const GET_REPORTS = [
  `/v1/stats/summary?${R}`,
  `/v1/stats/summary?site=shop&from=2026-03-05&to=2026-03-12&limit=3`,
  `/v1/reports/channels?${R}&by=channel`,
  `/v1/reports/channels?${R}&by=source_medium`,
  `/v1/reports/channels?${R}&by=campaign&filter_device_type=mobile`,
  `/v1/reports/breakdown?${R}&dimension=device_type`,
  `/v1/reports/breakdown?${R}&dimension=landing_page&filter_channel=Paid%20Search`,
  `/v1/reports/breakdown?${R}&dimension=os&metric=revenue&currency=CNY`,
  `/v1/reports/breakdown?${R}&dimension=prop:category`,
  `/v1/reports/breakdown?${R}&dimension=prop:order_id`,
  `/v1/reports/timeseries?${R}&interval=day&metrics=sessions,users,pageviews,conversions,converting_sessions,conversion_rate,revenue`,
  `/v1/reports/timeseries?site=shop&from=2026-03-02&to=2026-03-03&interval=hour&metrics=sessions,pageviews`,
  `/v1/reports/timeseries?${R}&interval=week&metrics=users,revenue`,
  ...['first_touch', 'last_touch', 'last_non_direct', 'linear', 'time_decay', 'position_based', 'markov'].map((m) => `/v1/attribution?${R}&by=channel&model=${m}`),
  `/v1/attribution?${R}&by=campaign&model=linear&lookback_days=7`,
  `/v1/attribution/compare?${R}&by=source_medium`,
  `/v1/reports/roi?${R}&by=campaign`,
  `/v1/reports/roi?${R}&model=markov&by=channel`,
  `/v1/reports/retention?${R}&cohort=first_visit&period=day&periods=8`,
  `/v1/reports/retention?${R}&cohort=first_visit&period=week&periods=4`,
  `/v1/reports/retention?${R}&cohort=signup&signup_event=signup&period=day&periods=7&return_event=conversion`,
  `/v1/reports/rfm?site=shop&as_of=2026-03-31`,
  `/v1/reports/rfm?site=shop&as_of=2026-03-31&currency=USD`,
  `/v1/reports/aipl?${R}`,
];

const FUNNEL_STEPS = [{ event: 'page_view' }, { event: 'add_to_cart' }, { event: 'conversion' }];
const FUNNELS: Record<string, unknown>[] = [
  ...['default', 'strict_order', 'strict_increase'].map((mode) => ({ steps: FUNNEL_STEPS, window: { value: 1, unit: 'day' }, mode })),
  { steps: [{ event: 'page_view', filters: [{ prop: 'category', op: 'eq', value: 'tea' }] }, { event: 'signup' }, { event: 'conversion', filters: [{ prop: '$revenue', op: 'gt', value: 100 }] }], window: { value: 7, unit: 'day' } },
  { steps: FUNNEL_STEPS, window: { value: 1, unit: 'day' }, exclusions: [{ event: 'signup' }], breakdown: 'prop:category' },
  { steps: FUNNEL_STEPS, window: { value: 30, unit: 'minute' }, breakdown: 'channel' },
  { steps: FUNNEL_STEPS, window: { value: 2, unit: 'day' }, countBy: 'session' },
];

const COSTS = [
  { date: '2026-03-03', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 320.5, currency: 'CNY' },
  { date: '2026-03-10', source: 'baidu', medium: 'cpc', campaign: 'brand', cost: 88, currency: 'CNY' },
  { date: '2026-03-12', source: 'weibo', medium: 'social', campaign: 'launch', cost: 45.25, currency: 'USD' },
];

async function seed(c: TestCollector | ClickHouseTestCollector): Promise<void> {
  for (const { body, userAgent } of shopMonth()) {
    // Sent now, as an SDK flushing its queue would: the collector checks event times against sentAt.
    const res = await c.post('/v1/batch', { ...body, sentAt: Date.now() }, { 'user-agent': userAgent });
    expect(res.status).toBe(200);
  }
  expect((await c.post('/v1/costs', { site: 'shop', rows: COSTS }, { authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(200);
}

let sqlite: TestCollector;
/** The SQLite answers, fetched once. */
const expected = new Map<string, unknown>();
/** The SQLite alert answers, evaluated once. */
let expectedAlerts: Map<string, unknown>;
/** The SQLite tag and audience answers. */
let expectedAudiences: Map<string, unknown>;
/** The SQLite campaign review. */
let expectedReview: Record<string, unknown>;
/** The SQLite trigger firings and deliveries. */
let expectedTriggers: Record<string, unknown>;
const ALERT_ANSWERS = [...Object.keys(ALERT_RULES).flatMap((name) => [`${name}: evaluations`, `${name}: preview`]), 'incidents'];

beforeAll(async () => {
  sqlite = await startTestCollector();
  await seed(sqlite);
  for (const path of GET_REPORTS) {
    const res = await sqlite.get(path, READ_TOKEN);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    expected.set(path, res.body);
  }
  for (const [i, f] of FUNNELS.entries()) {
    const res = await sqlite.post('/v1/funnels/query', { ...f, site: 'shop', from: '2026-03-01', to: '2026-03-31' }, { authorization: `Bearer ${READ_TOKEN}` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expected.set(`funnel ${i}`, res.body);
  }
  expectedAlerts = await alertAnswers(sqlite);
  expectedReview = await campaignAnswers(sqlite);
  expectedAudiences = await audienceAnswers(sqlite);
  expectedTriggers = await triggerAnswers(sqlite);
}, 180_000);
afterAll(async () => { await sqlite?.stop(); });

for (const layout of ['one server', 'two shards'] as const) {
  describe(`the ClickHouse engine (${layout}) answers like SQLite`, () => {
    let cluster: ClickHouseCluster;
    let ch: ClickHouseTestCollector;
    beforeAll(async () => {
      cluster = layout === 'one server' ? await startClickHouse() : await startClickHouseCluster(2);
      ch = await startClickHouseTestCollector({ urls: cluster.servers.map((s) => s.httpUrl), cluster: cluster.cluster, database: 'maidian' });
      await seed(ch);
    }, 120_000);
    afterAll(async () => {
      await ch?.stop();
      await cluster?.stop();
    });

    it('has alert answers that mean something: breaches, oks and skips, firings, and values of every rule', () => {
      const outcomes = new Set<string>();
      for (const name of Object.keys(ALERT_RULES)) {
        const evaluations = expectedAlerts.get(`${name}: evaluations`) as { outcome: string; value: number | null }[];
        expect(evaluations.length, name).toBeGreaterThan(20);
        expect(evaluations.some((e) => e.value !== null && e.value !== 0), name).toBe(true);
        for (const e of evaluations) outcomes.add(e.outcome);
      }
      expect([...outcomes].sort()).toEqual(['breach', 'ok', 'skipped']);
      expect((expectedAlerts.get('incidents') as unknown[]).length).toBeGreaterThan(3);
    });

    it('has tag and audience answers that mean something: values, members, holdouts, exports and conversions', () => {
      for (const key of AUDIENCE_ANSWERS.filter((k) => k.startsWith('tag '))) {
        const values = expectedAudiences.get(key) as { persons: number }[];
        expect(values.reduce((n, v) => n + v.persons, 0), key).toBeGreaterThan(3);
      }
      expect((expectedAudiences.get('tag spend') as unknown[]).length).toBe(3);
      for (const id of ['tea_lovers', 'repeat_carts', 'paid_or_big']) {
        const refresh = expectedAudiences.get(`${id}: refresh`) as { members: number; holdout: number };
        expect(refresh.members, id).toBeGreaterThan(3);
        expect((expectedAudiences.get(`${id}: export`) as string).split('\r\n').length, id).toBeGreaterThan(3);
      }
      expect((expectedAudiences.get('tea_lovers: refresh') as { holdout: number }).holdout).toBeGreaterThan(0);
      const lift = expectedAudiences.get('repeat_carts: lift') as { exported: { persons: number; converted: number } };
      expect(lift.exported.converted).toBeGreaterThan(0);
      expect((expectedAudiences.get('person tags') as unknown[]).length).toBeGreaterThan(1);
    });

    it('holds a non-trivial data set (the comparison means something)', () => {
      const summary = expected.get(`/v1/stats/summary?${R}`) as { pageviews: number; sessions: number; conversions: number; revenue: unknown[] };
      expect(summary.pageviews).toBeGreaterThan(300);
      expect(summary.sessions).toBeGreaterThan(150);
      expect(summary.conversions).toBeGreaterThan(30);
      expect(summary.revenue).toHaveLength(2);
    });

    for (const path of GET_REPORTS) {
      it(`GET ${path.replace(R, '…')}`, async () => {
        const res = await ch.get(path, READ_TOKEN);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toEqual(expected.get(path));
      });
    }
    for (const [i, f] of FUNNELS.entries()) {
      it(`POST /v1/funnels/query ${JSON.stringify(f).slice(0, 90)}`, async () => {
        const res = await ch.post('/v1/funnels/query', { ...f, site: 'shop', from: '2026-03-01', to: '2026-03-31' }, { authorization: `Bearer ${READ_TOKEN}` });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toEqual(expected.get(`funnel ${i}`));
      });
    }
    describe('alerts', () => {
      let alerts: Map<string, unknown>;
      let review: Record<string, unknown>;
      beforeAll(async () => {
        alerts = await alertAnswers(ch);
        review = await campaignAnswers(ch);
      }, 180_000);
      it('a campaign review (figures, funnel, alerts fired, the previous campaign)', () => {
        const r = expectedReview as { headline: { sessions: number; cost: number }; alerts: unknown[]; funnel: unknown; previous: unknown };
        expect(r.headline.sessions).toBeGreaterThan(5);
        expect(r.headline.cost).toBeGreaterThan(0);
        expect(r.funnel).not.toBeNull();
        expect(r.previous).not.toBeNull();
        expect(review).toEqual(expectedReview);
      });
      for (const key of ALERT_ANSWERS) {
        it(key, () => {
          expect(alerts.get(key)).toEqual(expectedAlerts.get(key));
        });
      }
      it('data-quality metrics count what arrived, as on SQLite', async () => {
        // Arrival times are the seeding times: the slot is the next full hour, after both seeds.
        const slot = Math.ceil((Date.now() + 1) / 3_600_000) * 3_600_000;
        const chQuality = await qualityAnswers(ch, slot);
        expect(chQuality).toEqual(await qualityAnswers(sqlite, slot));
        // The test dictionary allows plans basic and pro: every generated "free" sign-up is quarantined.
        const sent = shopMonth().flatMap((v) => v.body.batch as { event: string; props?: { plan?: string } }[]);
        const free = sent.filter((e) => e.event === 'signup' && e.props?.plan === 'free').length;
        expect(free).toBeGreaterThan(0);
        expect(chQuality.quarantined_events).toMatchObject([{ value: free, outcome: 'breach' }]);
        // Every accepted event is flagged: its March time is more than the longest queue age before
        // the batch's sentAt (now), so sentAt is ignored and the time stored uncorrected.
        expect(chQuality.flagged_events).toMatchObject([{ value: sent.length - free, outcome: 'breach' }]);
      });
    });

    describe('tags and audiences', () => {
      let audiences: Map<string, unknown>;
      beforeAll(async () => { audiences = await audienceAnswers(ch); }, 180_000);
      for (const key of AUDIENCE_ANSWERS) {
        it(key, () => {
          expect(audiences.get(key)).toEqual(expectedAudiences.get(key));
        });
      }
    });

    it('triggers: the same firings, and the same deliveries to the webhook', async () => {
      const t = expectedTriggers as { 'abandoned_cart: firings': unknown[]; 'tea_browser: firings': unknown[]; deliveries: unknown[] };
      expect(t['abandoned_cart: firings'].length).toBeGreaterThan(3);
      expect(t['tea_browser: firings'].length).toBeGreaterThan(0);
      expect(t.deliveries.length).toBe(t['abandoned_cart: firings'].length + t['tea_browser: firings'].length);
      expect(await triggerAnswers(ch)).toEqual(expectedTriggers);
    }, 60_000);

    it('answers 501, saying what is available, for features kept on SQLite', async () => {
      for (const path of ['/v1/persons/u-3?site=shop']) {
        const res = await ch.get(path, READ_TOKEN);
        expect(res.status, path).toBe(501);
        expect(res.body.error.code).toBe('not_available_on_clickhouse');
        expect(res.body.error.message).toMatch(/MAIDIAN_STORE=sqlite/);
      }
    });
  });
}
