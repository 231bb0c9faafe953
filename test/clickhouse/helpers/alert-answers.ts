/**
 * The alert side of the engine equivalence test: the same saved funnel and alert rules are created
 * over HTTP on a collector, the rules are evaluated at chosen slots of the seeded month (as the
 * scheduler would, with its own function), and the answers are read back over HTTP: each rule's
 * evaluations, the incidents and a preview of each rule. Generated ids and wall-clock times are
 * left out, since they differ between any two collectors.
 */
import { expect } from 'vitest';
import { runSlot } from '../../../collector/src/alerts/run-slot.js';
import { slotsBetween } from '../../../collector/src/alerts/schedule/cron-slots.js';
import { reportEngineOf } from '../../../collector/src/storage/engine-of-store.js';
import { getRule } from '../../../collector/src/storage/sqlite/alerts/alert-rules-store.js';
import { ADMIN_TOKEN, READ_TOKEN, type ClickHouseTestCollector, type TestCollector } from '../../collector/helpers/test-collector.js';

const SHANGHAI = 'Asia/Shanghai';
const daily = { window: { unit: 'day', size: 1 }, schedule: { cron: '0 9 * * *' }, lifecycle: { consecutive: 1, cooldownMinutes: 0, notifyRecovery: true } };

/** One rule of each family of metrics (sessions, money, costs, ROI, funnels, data quality), by name. */
export const ALERT_RULES: Record<string, Record<string, unknown>> = {
  'paid search sessions': {
    ...daily, metric: 'sessions', filters: { channel: 'Paid Search' },
    condition: { type: 'any', conditions: [
      { type: 'threshold', op: 'below', value: 1 },
      { type: 'change', compare: 'previous_period', direction: 'down', mode: 'percent', amount: 50 },
    ] },
  },
  'mobile conversion rate': {
    ...daily, metric: 'conversion_rate', filters: { device_type: 'mobile' }, minVolume: { metric: 'sessions', min: 2 },
    condition: { type: 'anomaly', method: 'zscore', weeks: 3, minHistory: 2, k: 1 },
  },
  'revenue in CNY': {
    ...daily, metric: 'revenue', currency: 'CNY', window: { unit: 'day', size: 2 },
    condition: { type: 'all', conditions: [
      { type: 'threshold', op: 'above', value: 500 },
      { type: 'baseline', metric: 'average_order_value', weeks: 2, stat: 'mean', op: 'above', value: 100 },
    ] },
  },
  'baidu spend': {
    ...daily, metric: 'cost', currency: 'CNY', filters: { source_medium: 'baidu / cpc' }, window: { unit: 'day', size: 3 },
    condition: { type: 'threshold', op: 'above', value: 100 },
  },
  'spring ROI': {
    ...daily, metric: 'roi', currency: 'CNY', filters: { campaign: 'spring' }, window: { unit: 'day', size: 7 },
    attribution: { model: 'linear', lookbackDays: 14 },
    condition: { type: 'threshold', op: 'below', value: 0 },
  },
  'checkout step': {
    ...daily, metric: 'funnel_step_conversion', filters: { funnel: { id: 'checkout', step: 2 } }, window: { unit: 'day', size: 3 },
    condition: { type: 'threshold', op: 'below', value: 0.5 },
  },
  'hourly page views': {
    window: { unit: 'hour', size: 6 }, schedule: { cron: '0 */6 * * *' }, metric: 'page_views',
    condition: { type: 'change', compare: 'same_weekday_last_week', direction: 'either', mode: 'absolute', amount: 3, inclusive: true },
  },
};

const FUNNEL = { id: 'checkout', name: 'Checkout', definition: { steps: [{ event: 'page_view' }, { event: 'add_to_cart' }, { event: 'conversion' }], window: { value: 1, unit: 'day' } } };

/** Slots the rules are evaluated at: from the 2nd to the 27th of the seeded month. */
const FROM = Date.UTC(2026, 2, 2);
const TO = Date.UTC(2026, 2, 27);
/** The preview replays the 14 days before this instant. */
const PREVIEW_UNTIL = '2026-03-20T00:00:00+08:00';

type AnyCollector = TestCollector | ClickHouseTestCollector;

/** Creates the funnel and rules on `c`, evaluates them, and returns its answers by name. */
export async function alertAnswers(c: AnyCollector): Promise<Map<string, unknown>> {
  const saved = await c.post('/v1/funnels', { site: 'shop', ...FUNNEL }, ADMIN);
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  const answers = new Map<string, unknown>();
  for (const [name, def] of Object.entries(ALERT_RULES)) {
    const body = { site: 'shop', name, timezone: SHANGHAI, ...def };
    const rule = await createRule(c, body);
    for (const slot of slotsBetween(rule.schedule.cron, rule.timezone, FROM, TO, 500)) await runSlot(dataOf(c), rule, slot, 0);
    answers.set(`${name}: evaluations`, await evaluations(c, rule.id));
    const preview = await c.post('/v1/alerts/preview', { rule: body, days: 14, until: PREVIEW_UNTIL }, READ);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    answers.set(`${name}: preview`, preview.body);
  }
  const incidents = await c.get('/v1/alerts?site=shop&limit=1000', READ_TOKEN);
  expect(incidents.status).toBe(200);
  answers.set('incidents', incidents.body.incidents
    .map(({ id: _id, ruleId, ...i }: Record<string, unknown>) => ({ rule: getRule(c.meta, String(ruleId))!.name, ...i }))
    .sort((a: { rule: string; firedAt: string }, b: { rule: string; firedAt: string }) => (a.rule + a.firedAt).localeCompare(b.rule + b.firedAt)));
  return answers;
}

/**
 * The data-quality metrics at one slot. They count by arrival, and events arrived when the test
 * seeded them, so `slot` must come after every collector compared was seeded.
 */
export async function qualityAnswers(c: AnyCollector, slot: number): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const metric of ['quarantined_events', 'flagged_events']) {
    const rule = await createRule(c, {
      site: 'shop', name: `${metric} at ${slot}`, timezone: SHANGHAI, metric, window: { unit: 'hour', size: 24 },
      schedule: { cron: '0 * * * *' }, condition: { type: 'threshold', op: 'above', value: 0 },
    });
    await runSlot(dataOf(c), rule, slot, 0);
    out[metric] = await evaluations(c, rule.id);
  }
  return out;
}

const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
const READ = { authorization: `Bearer ${READ_TOKEN}` };

const dataOf = (c: AnyCollector) => ({ meta: c.meta, reports: reportEngineOf(c.store) });

async function createRule(c: AnyCollector, body: Record<string, unknown>) {
  const created = await c.post('/v1/alerts/rules', body, ADMIN);
  expect(created.status, `${body.name}: ${JSON.stringify(created.body)}`).toBe(201);
  return getRule(c.meta, created.body.id)!;
}

/** A rule's evaluations over HTTP, without the rule id and the wall-clock evaluation time. */
async function evaluations(c: AnyCollector, ruleId: string): Promise<unknown[]> {
  const res = await c.get(`/v1/alerts/rules/${ruleId}/evaluations?limit=5000`, READ_TOKEN);
  expect(res.status).toBe(200);
  return res.body.evaluations.map(({ ruleId: _r, evaluatedAt: _e, ...e }: Record<string, unknown>) => e);
}
