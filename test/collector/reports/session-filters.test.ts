import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../../collector/src/analytics/sessions/refresh-derived.js';
import { getBreakdown } from '../../../collector/src/storage/sqlite/analytics/channels/get-breakdown.js';
import { getSessionTotals } from '../../../collector/src/storage/sqlite/analytics/channels/get-session-totals.js';
import { READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { seedFilterHistory } from './filter-fixtures.js';
import { day } from './report-fixtures.js';

// The story is in filter-fixtures.ts. Day 1 = 2026-03-01 in Shanghai.
let c: TestCollector;
beforeAll(async () => {
  c = await startTestCollector();
  await seedFilterHistory(c);
  refreshDerived(c.store.db, 'shop');
});
afterAll(async () => { await c.stop(); });

const day1 = { site: 'shop', from: day(1, 0), to: day(2, 0) };

describe('breakdown by utm_content, with engaged sessions and bounce rate', () => {
  it('groups day 1 by creative', async () => {
    const res = await c.get('/v1/reports/breakdown?site=shop&from=2026-03-01&to=2026-03-01&dimension=content', READ_TOKEN);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      // red: V1, V2, V4 → 3 sessions, 3 people, 3 pages; V2 converts (100 CNY) and is the only
      // engaged one → bounce rate (3 − 1) / 3, conversion rate 1 / 3.
      { key: 'red', sessions: 3, users: 3, pageviews: 3, engagedSessions: 1, bounceRate: 2 / 3, conversions: 1, convertingSessions: 1, conversionRate: 1 / 3, revenue: [{ currency: 'CNY', amount: 100 }] },
      // V6's direct visit has no utm_content; one page → bounce rate 1.
      { key: '(not set)', sessions: 1, users: 1, pageviews: 1, engagedSessions: 0, bounceRate: 1, conversions: 0, convertingSessions: 0, conversionRate: 0, revenue: [] },
      // blue: V3, two pages → engaged, bounce rate 0.
      { key: 'blue', sessions: 1, users: 1, pageviews: 2, engagedSessions: 1, bounceRate: 0, conversions: 0, convertingSessions: 0, conversionRate: 0, revenue: [] },
    ]);
  });
});

describe('filters on several session dimensions', () => {
  it('narrows by two dimensions together, to a value neither gives alone', () => {
    const paid = getSessionTotals(c.store.db, { ...day1, filters: { channel: 'Paid Search' } });
    const mobile = getSessionTotals(c.store.db, { ...day1, filters: { device_type: 'mobile' } });
    const both = getSessionTotals(c.store.db, { ...day1, filters: { channel: 'Paid Search', device_type: 'mobile' } });
    // Paid Search: V1, V2, V3; engaged V2, V3 → bounce (3 − 2) / 3.
    expect(paid).toMatchObject({ sessions: 3, users: 3, engagedSessions: 2, conversions: 1 });
    expect(paid.bounceRate).toBeCloseTo(1 / 3, 12);
    // Mobile: V2, V3, V4; engaged V2, V3 → bounce (3 − 2) / 3.
    expect(mobile).toMatchObject({ sessions: 3, users: 3, engagedSessions: 2, conversions: 1 });
    expect(mobile.bounceRate).toBeCloseTo(1 / 3, 12);
    // Both: V2, V3 → 2 sessions, both engaged → bounce 0; V2's 100 CNY.
    expect(both).toEqual({
      sessions: 2, users: 2, pageviews: 3, engagedSessions: 2, bounceRate: 0, conversions: 1, convertingSessions: 1, conversionRate: 0.5,
      revenue: [{ currency: 'CNY', amount: 100 }],
    });
  });

  it('accepts several values of one dimension, and "(not set)" for a missing value', () => {
    // Mobile sessions of either campaign by creative: red V2 (spring) + V4 (march-news), blue V3.
    const rows = getBreakdown(c.store.db, { ...day1, dimension: 'content', filters: { device_type: 'mobile', campaign: ['spring', 'march-news'] } });
    expect(rows.map((r) => [r.key, r.sessions, r.users, r.conversions])).toEqual([['red', 2, 2, 1], ['blue', 1, 1, 0]]);
    expect(getSessionTotals(c.store.db, { ...day1, filters: { content: '(not set)' } })).toMatchObject({ sessions: 1, users: 1 });
    // Nothing matches: zeros, rates undefined.
    expect(getSessionTotals(c.store.db, { ...day1, filters: { channel: 'Email', device_type: 'desktop' } }))
      .toEqual({ sessions: 0, users: 0, pageviews: 0, engagedSessions: 0, bounceRate: null, conversions: 0, convertingSessions: 0, conversionRate: null, revenue: [] });
  });

  it('refuses a dimension it does not know, and filters on a property breakdown', () => {
    expect(() => getSessionTotals(c.store.db, { ...day1, filters: { referrer: 'x' } as never })).toThrow(/"referrer" is not a session dimension; use one of channel, /);
    expect(() => getBreakdown(c.store.db, { ...day1, dimension: 'prop:goal', filters: { channel: 'Direct' } })).toThrow(/session dimensions only/);
  });
});

describe('site totals over a month boundary', () => {
  it('counts a person once across February and March', () => {
    // 2026-02-28 and 03-01: V6 twice (one person), V1–V4 once each → 6 sessions, 5 people.
    // (Per-month users would add up to 1 + 5 = 6.)
    const totals = getSessionTotals(c.store.db, { site: 'shop', from: day(0, 0), to: day(2, 0) });
    expect(totals).toMatchObject({ sessions: 6, users: 5, engagedSessions: 2 });
  });
});

describe('filters over HTTP', () => {
  it('narrows the channel report and the breakdown with filter_<dimension> parameters', async () => {
    // Paid Search and mobile on day 1: V2 and V3 (see the totals above), both Paid Search.
    const both = await c.get('/v1/reports/channels?site=shop&from=2026-03-01&to=2026-03-01&filter_channel=Paid%20Search&filter_device_type=mobile', READ_TOKEN);
    expect(both.status).toBe(200);
    expect(both.body.rows.map((r: { key: string; sessions: number; users: number }) => [r.key, r.sessions, r.users])).toEqual([['Paid Search', 2, 2]]);
    // A repeated parameter allows several values: mobile sessions of both campaigns by creative,
    // as in the direct call above (red V2 + V4, blue V3).
    const repeated = await c.get('/v1/reports/breakdown?site=shop&from=2026-03-01&to=2026-03-01&dimension=content&filter_device_type=mobile&filter_campaign=spring&filter_campaign=march-news', READ_TOKEN);
    expect(repeated.status).toBe(200);
    expect(repeated.body.rows.map((r: { key: string; sessions: number }) => [r.key, r.sessions])).toEqual([['red', 2], ['blue', 1]]);
  });

  it('refuses filters with a property dimension, and unknown filter names', async () => {
    const prop = await c.get('/v1/reports/breakdown?site=shop&from=2026-03-01&to=2026-03-01&dimension=prop:goal&filter_channel=Direct', READ_TOKEN);
    expect(prop.status).toBe(400);
    expect(prop.body.error.issues[0].path).toBe('/query/dimension');
    const unknown = await c.get('/v1/reports/channels?site=shop&from=2026-03-01&to=2026-03-01&filter_referrer=x', READ_TOKEN);
    expect(unknown.status).toBe(400);
  });
});
