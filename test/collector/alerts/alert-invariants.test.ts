import { sqliteAlertData } from '../../../collector/src/alerts/alert-data.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule } from '../../../collector/src/alerts/evaluate-rule.js';
import { previewRule } from '../../../collector/src/alerts/preview-rule.js';
import { runSlot } from '../../../collector/src/alerts/run-slot.js';
import { slotsBetween } from '../../../collector/src/alerts/schedule/cron-slots.js';
import { batch, pageView } from '../helpers/events.js';
import { startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { rule } from './helpers/series-source.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHANNELS = [
  { campaign: { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' } },
  { campaign: { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'news' } },
  { page: { referrer: 'https://www.baidu.com/s?wd=x' } },
  {},
];

/** Mulberry32: a small seeded PRNG, so the data set is the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let c: TestCollector;
const now = Math.floor(Date.now() / HOUR) * HOUR;
beforeAll(async () => {
  c = await startTestCollector();
  // ~400 visits over the last 8 days, busier in the day, with a quiet stretch on day 3.
  const rand = prng(42);
  const events = [];
  for (let i = 0; i < 400; i++) {
    const ts = now - Math.floor(rand() * 8 * DAY);
    if (ts > now - 3 * DAY && ts < now - 2 * DAY && rand() < 0.9) continue;
    const ctx = CHANNELS[Math.floor(rand() * CHANNELS.length)];
    const views = 1 + Math.floor(rand() * 3);
    for (let v = 0; v < views; v++) {
      const ev = pageView(ts + v * 5_000, `/p${v}`, { anonymousId: `a${i}`, sessionId: `s${i}` });
      events.push({ ...ev, context: { ...ev.context, ...ctx, page: { ...ev.context.page, ...(ctx as { page?: object }).page } } });
    }
  }
  for (let i = 0; i < events.length; i += 200) {
    const res = await c.post('/v1/batch', batch(events.slice(i, i + 200), Date.now()));
    expect(res.body.quarantined).toBe(0);
  }
}, 30_000);
afterAll(() => c.stop());

describe('alert invariants on a generated data set', () => {
  it('the site’s sessions are the sum of its channels’ sessions, every hour', async () => {
    const r = rule({ timezone: 'Asia/Shanghai', condition: { type: 'threshold', op: 'above', value: 0, inclusive: false } });
    const channels = ['Paid Search', 'Email', 'Organic Search', 'Direct'];
    for (let h = 1; h <= 8 * 24; h += 7) {
      const slot = now - h * HOUR;
      const site = (await evaluateRule(sqliteAlertData(c.store.db), r, slot)).value!;
      let sum = 0;
      for (const ch of channels) sum += (await evaluateRule(sqliteAlertData(c.store.db), { ...r, filters: { channel: ch } }, slot)).value!;
      expect(sum).toBe(site);
    }
  });

  it('the preview and the scheduler’s slot-by-slot evaluation fire at the same slots', async () => {
    // An anomaly rule on hourly sessions against the previous period, with a streak and a cooldown.
    const r = rule({
      id: 'inv', timezone: 'Asia/Shanghai', schedule: { cron: '0 * * * *' }, createdAt: now - 7 * DAY,
      condition: { type: 'any', conditions: [
        { type: 'change', compare: 'previous_period', direction: 'down', mode: 'absolute', amount: 2, inclusive: true },
        { type: 'threshold', op: 'below', value: 1, inclusive: false },
      ] },
      lifecycle: { consecutive: 2, cooldownMinutes: 180, notifyRecovery: true },
    });
    const preview = (await previewRule(sqliteAlertData(c.store.db), r, now, 7));
    const fired: string[] = [];
    const recovered: string[] = [];
    for (const slot of slotsBetween(r.schedule.cron, r.timezone, now - 7 * DAY, now, 1000)) {
      const res = (await runSlot(sqliteAlertData(c.store.db), r, slot))!;
      if (res.event === 'fired') fired.push(new Date(slot).toISOString());
      if (res.event === 'recovered') recovered.push(new Date(slot).toISOString());
    }
    expect(fired.length).toBeGreaterThan(0);
    expect(preview.firings.map((f) => f.slot)).toEqual(fired);
    expect(preview.recoveries.map((f) => f.slot)).toEqual(recovered);
    // Firings and recoveries alternate, starting with a firing.
    const merged = [...fired.map((t) => [t, 'f']), ...recovered.map((t) => [t, 'r'])].sort();
    merged.forEach(([, kind], i) => expect(kind).toBe(i % 2 === 0 ? 'f' : 'r'));
  });
});
