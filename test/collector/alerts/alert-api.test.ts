import { sqliteAlertData } from '../../../collector/src/alerts/alert-data.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateRule } from '../../../collector/src/alerts/evaluate-rule.js';
import { runSlot } from '../../../collector/src/alerts/run-slot.js';
import { getRule } from '../../../collector/src/storage/sqlite/alerts/alert-rules-store.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { day, seedShopHistory } from '../reports/report-fixtures.js';

let c: TestCollector;
beforeEach(async () => {
  c = await startTestCollector();
  await seedShopHistory(c);
});
afterEach(() => c.stop());

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
/** 09:00 in Shanghai on 2026-03-N: a daily rule then reads the whole day N − 1. */
const nineAm = (n: number) => day(n, 9);

const baseRule = {
  site: 'shop', name: 'Paid search dried up', metric: 'sessions', filters: { channel: 'Paid Search' },
  window: { unit: 'day', size: 1 }, schedule: { cron: '0 9 * * *' },
  condition: { type: 'threshold', op: 'below', value: 1 },
  lifecycle: { consecutive: 2, cooldownMinutes: 0 },
};

async function createRule(body: unknown = baseRule) {
  const res = await c.post('/v1/alerts/rules', body, admin);
  expect(res.status).toBe(201);
  return getRule(c.store.db, res.body.id)!;
}

describe('alert API', () => {
  it('rejects bad rules with what, where and what is allowed', async () => {
    const bad = {
      ...baseRule, metric: 'sesions', filters: { channel: 'Paid Search', device_type: 'mobile' }, schedule: { cron: '*/10 * * * * *' },
      condition: { type: 'all', conditions: [{ type: 'preset', preset: 'channel_sessions_zero' }, { type: 'threshold', op: 'sideways', value: 1 }] },
    };
    const res = await c.post('/v1/alerts/rules', { ...bad, filters: { device_type: 'mobile', campaign: 'x' } }, admin);
    expect(res.status).toBe(400);
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('/condition/conditions/1/op');
    const allowed = res.body.error.issues.find((i: { path: string }) => i.path === '/condition/conditions/1/op');
    expect(allowed.expected).toBe('one of "above", "below"');
    // With the op fixed the refinements run: metric typo, ROI under two dimensions, seconds in the cron, preset without channel.
    const fixedOp = { ...bad, condition: { type: 'all', conditions: [bad.condition.conditions[0], { type: 'threshold', metric: 'roi', op: 'above', value: 1 }] } };
    const res2 = await c.post('/v1/alerts/rules', { ...fixedOp, filters: { device_type: 'mobile', campaign: 'x' } }, admin);
    const byPath = Object.fromEntries(res2.body.error.issues.map((i: { path: string; message: string }) => [i.path, i.message]));
    expect(byPath['/metric']).toMatch(/"sesions" cannot be watched by alerts; use one of sessions, visitors/);
    expect(byPath['/filters']).toMatch(/"roi" comes from the ROI report, which can be narrowed by one of channel, campaign; got campaign and device_type/);
    expect(byPath['/schedule/cron']).toMatch(/5-field cron/);
    expect(byPath['/condition/conditions/0/preset']).toMatch(/needs filters.channel/);
    // Unknown site: 404; a read token cannot write.
    expect((await c.post('/v1/alerts/rules', { ...baseRule, site: 'nope' }, admin)).status).toBe(404);
    expect((await c.post('/v1/alerts/rules', baseRule, { authorization: `Bearer ${READ_TOKEN}` })).status).toBe(401);
  });

  it('reads the same figures as the report API', async () => {
    const rule = await createRule({ ...baseRule, filters: {} });
    const report = async (date: number) => (await c.get(`/v1/reports/channels?site=shop&from=2026-03-0${date}&to=2026-03-0${date}`, READ_TOKEN)).body;
    // 2026-03-02: P2a (baidu cpc → Paid Search) and P3 (organic baidu) → Paid Search 1 session, site 2; the crawler is excluded.
    const ch2 = await report(2);
    const paid = ch2.rows.find((r: { key: string }) => r.key === 'Paid Search');
    expect(paid.sessions).toBe(1);
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, filters: { channel: 'Paid Search' } }, nineAm(3))).value).toBe(paid.sessions);
    const siteSessions = ch2.rows.reduce((a: number, r: { sessions: number }) => a + r.sessions, 0);
    expect(siteSessions).toBe(2);
    expect((await evaluateRule(sqliteAlertData(c.store.db), rule, nineAm(3))).value).toBe(siteSessions);
    // Bounce rate of day 2: P2a's page view at 10:00 and identify at 10:01 make a 60 s session (engaged);
    // P3's single page view is a bounce → (2 − 1) / 2 = 0.5.
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, metric: 'bounce_rate' }, nineAm(3))).value).toBe(0.5);
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, metric: 'engaged_sessions', filters: { channel: 'Paid Search' } }, nineAm(3))).value).toBe(1);
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, metric: 'engaged_sessions', filters: { channel: 'Organic Search' } }, nineAm(3))).value).toBe(0);
    // 2026-03-04: P2b (direct, buys 50 CNY) and P3 (direct, no purchase) → conversion rate 1 / 2.
    const ch4 = await report(4);
    const direct = ch4.rows.find((r: { key: string }) => r.key === 'Direct');
    expect(direct.conversionRate).toBe(0.5);
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, metric: 'conversion_rate' }, nineAm(5))).value).toBe(direct.conversionRate);
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, metric: 'visitors' }, nineAm(5))).value).toBe(2); // P2 (u-2) and P3
    // 2026-03-05: P1's 300 CNY order, sent twice, counts once.
    const ch5 = await report(5);
    const email = ch5.rows.find((r: { key: string }) => r.key === 'Email');
    expect(email.revenue).toEqual([{ currency: 'CNY', amount: 300 }]);
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, metric: 'revenue' }, nineAm(6))).value).toBe(300);
  });

  it('reads funnel steps as the saved-funnel report does', async () => {
    const saved = await c.post('/v1/funnels', {
      site: 'shop', id: 'buy', name: 'View → buy', definition: { steps: [{ event: 'page_view' }, { event: 'conversion' }], window: { value: 1, unit: 'day' } },
    }, admin);
    expect(saved.status).toBeLessThan(300);
    // Step-1 events on day 4: P2 (u-2, page view 10:00, buys 10:10) and P3 (page view 12:00, no purchase):
    // step 1 → 2 people, step 2 → 1, step conversion 1 / 2.
    const report = (await c.get('/v1/funnels/buy/result?site=shop&from=2026-03-04&to=2026-03-04', READ_TOKEN)).body;
    expect(report.steps.map((s: { entrants: number }) => s.entrants)).toEqual([2, 1]);
    const rule = await createRule({ ...baseRule, metric: 'funnel_step_users', filters: { funnel: { id: 'buy', step: 2 } } });
    expect((await evaluateRule(sqliteAlertData(c.store.db), rule, nineAm(5))).value).toBe(report.steps[1].entrants);
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, metric: 'funnel_previous_step_users' }, nineAm(5))).value).toBe(report.steps[0].entrants);
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, metric: 'funnel_step_conversion' }, nineAm(5))).value).toBe(0.5);
  });

  it('fires after 2 consecutive breaches, then is acknowledged and resolved over the API, all in the history', async () => {
    const rule = await createRule();
    // Paid Search sessions per day: Mar 1 → 1 (P1), Mar 2 → 1 (P2a), Mar 3 → 0, Mar 4 → 0, Mar 5 → 0.
    // Slots at 09:00 read the day before: breaches at the Mar 4 and Mar 5 slots → fires at Mar 5 09:00 (01:00Z).
    const results = [];
    for (const n of [2, 3, 4, 5, 6]) results.push((await runSlot(sqliteAlertData(c.store.db), rule, nineAm(n)))!);
    expect(results.map((r) => [r.evaluation.value, r.evaluation.outcome, r.event])).toEqual([
      [1, 'ok', null], [1, 'ok', null], [0, 'breach', null], [0, 'breach', 'fired'], [0, 'breach', null],
    ]);
    const incidents = (await c.get('/v1/alerts?site=shop', READ_TOKEN)).body.incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ status: 'firing', firedAt: '2026-03-05T01:00:00.000Z', value: 0 });
    const id = incidents[0].id;
    expect((await c.post(`/v1/alerts/${id}/ack`, { owner: 'li.lei', note: 'looking at the baidu account' }, { authorization: `Bearer ${READ_TOKEN}` })).status).toBe(401);
    const acked = await c.post(`/v1/alerts/${id}/ack`, { owner: 'li.lei', note: 'looking at the baidu account' }, admin);
    expect(acked.body).toMatchObject({ status: 'acknowledged', acknowledged: { owner: 'li.lei', note: 'looking at the baidu account' } });
    expect((await c.post(`/v1/alerts/${id}/ack`, { owner: 'x' }, admin)).status).toBe(409);
    const resolved = await c.post(`/v1/alerts/${id}/resolve`, { owner: 'han.meimei', note: 'budget topped up' }, admin);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolved: { owner: 'han.meimei', note: 'budget topped up' } });
    const events = (await c.get(`/v1/alerts/events?site=shop&rule=${rule.id}`, READ_TOKEN)).body.events;
    expect(events.map((e: { type: string; owner: string | null }) => [e.type, e.owner])).toEqual([['fired', null], ['acknowledged', 'li.lei'], ['resolved', 'han.meimei']]);
    expect(events[0].at).toBe('2026-03-05T01:00:00.000Z');
    expect(events[0].payload).toMatchObject({ type: 'alert.fired', metric: { id: 'sessions', name: { zh: '会话数' } }, value: 0 });
    // The rule's state started over after the manual resolution.
    const listed = (await c.get('/v1/alerts/rules?site=shop', READ_TOKEN)).body.rules;
    expect(listed[0].state).toMatchObject({ status: 'ok', consecutive: 0, incidentId: null });
  });

  it('shows channel secrets only to the admin token', async () => {
    const rule = await createRule({ ...baseRule, channels: [{ type: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXXSECRET' }] });
    const asReader = (await c.get(`/v1/alerts/rules/${rule.id}`, READ_TOKEN)).body;
    expect(asReader.channels).toEqual([{ type: 'slack', target: 'hooks.slack.com' }]);
    const asAdmin = (await c.get(`/v1/alerts/rules/${rule.id}`, ADMIN_TOKEN)).body;
    expect(asAdmin.channels[0].url).toContain('XXXXSECRET');
  });
});
