import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch, conversion, custom, pageView } from './helpers/events.js';
import { startTestCollector, type TestCollector } from './helpers/test-collector.js';

let c: TestCollector;
beforeEach(async () => { c = await startTestCollector(); });
afterEach(async () => { await c.stop(); });

describe('POST /v1/batch with a mixed batch', () => {
  it('answers per event, and every event is either stored or quarantined with reasons', async () => {
    const now = Date.now();
    const view = pageView(now - 1000, '/pricing', { props: { category: 'plans' } });
    const signup = custom(now - 900, 'signup', { plan: 'pro', seats: 3 });
    const badPlan = custom(now - 800, 'signup', { plan: 'gold' });
    const undeclared = custom(now - 700, 'newsletter_open', {});
    const badShape: Record<string, any> = { ...pageView(now - 600, '/'), ts: 'yesterday' };
    const extraProp = pageView(now - 500, '/', { props: { colour: 'red' } });
    const sale = conversion(now - 400, 99.5, 'CNY', {}, { order_id: 'o-1' });
    const body = batch([view, signup, badPlan, undeclared, badShape, extraProp, sale, view], now);

    const res = await c.post('/v1/batch', body);

    expect(res.status).toBe(200);
    // 8 events: view, signup, sale accepted; the second copy of view is a duplicate;
    // badPlan, undeclared, badShape, extraProp quarantined.
    expect(res.body).toMatchObject({ accepted: 3, duplicate: 1, quarantined: 4 });
    expect(res.body.results.map((r: any) => r.status)).toEqual([
      'accepted', 'accepted', 'quarantined', 'quarantined', 'quarantined', 'quarantined', 'accepted', 'duplicate',
    ]);
    expect(res.body.results[2].reasons).toEqual([
      expect.objectContaining({ path: '/batch/2/props/plan', code: 'invalid_value', expected: 'one of "basic", "pro"' }),
    ]);
    expect(res.body.results[3].reasons).toEqual([
      expect.objectContaining({ path: '/batch/3/event', code: 'undeclared_event', expected: 'one of "signup", "add_to_cart"' }),
    ]);
    expect(res.body.results[4].reasons).toEqual([
      expect.objectContaining({ path: '/batch/4/ts', code: 'invalid_type', expected: 'number' }),
    ]);
    expect(res.body.results[5].reasons).toEqual([
      expect.objectContaining({ path: '/batch/5/props/colour', code: 'undeclared_property', expected: 'one of "category"' }),
    ]);

    const stored = c.query<{ id: string; event: string }>('SELECT id, event FROM events ORDER BY seq');
    expect(stored).toEqual([
      { id: view.id, event: 'page_view' },
      { id: signup.id, event: 'signup' },
      { id: sale.id, event: 'conversion' },
    ]);
    const quarantined = c.query<{ event_id: string; reasons: string; site: string; scope: string }>(
      'SELECT event_id, reasons, site, scope FROM quarantine ORDER BY qid',
    );
    expect(quarantined.map((q) => q.event_id)).toEqual([badPlan.id, undeclared.id, badShape.id, extraProp.id]);
    for (const q of quarantined) {
      expect(q.site).toBe('shop');
      expect(q.scope).toBe('event');
      expect(JSON.parse(q.reasons).length).toBeGreaterThan(0);
    }
  });

  it('stores conversion columns and the dictionary version', async () => {
    const now = Date.now();
    const sale = conversion(now, 120, 'USD', {}, { order_id: 'A-7', coupon: 'SPRING' });
    await c.post('/v1/batch', batch([sale], now));
    const [row] = c.query('SELECT goal, revenue, currency, order_id, props, dictionary_version FROM events');
    expect(row).toEqual({
      goal: 'purchase', revenue: 120, currency: 'USD', order_id: 'A-7', dictionary_version: 1,
      props: JSON.stringify({ goal: 'purchase', value: 120, currency: 'USD', order_id: 'A-7', coupon: 'SPRING' }),
    });
  });

  it('counts a resent batch as duplicates and stores nothing twice', async () => {
    const now = Date.now();
    const body = batch([pageView(now, '/a'), pageView(now, '/b')], now);
    const first = await c.post('/v1/batch', body);
    const second = await c.post('/v1/batch', body);
    expect(first.body).toMatchObject({ accepted: 2, duplicate: 0 });
    expect(second.body).toMatchObject({ accepted: 0, duplicate: 2, quarantined: 0 });
    expect(c.query('SELECT COUNT(*) AS n FROM events')).toEqual([{ n: 2 }]);
  });
});
