/**
 * The trigger side of the engine equivalence test: the same triggers are created over HTTP and
 * run (as the minute job would, with its own function) at chosen instants of the seeded month;
 * the firings are read back over HTTP and the webhook's deliveries compared. Run after
 * audienceAnswers: its consent statements apply here too. Event ids are left out: the test's
 * event generator numbers events anew for each collector it seeds.
 */
import { expect } from 'vitest';
import { runTriggers } from '../../../collector/src/audiences/run-triggers.js';
import { audienceEngineOf } from '../../../collector/src/storage/engine-of-store.js';
import { startReceiver } from '../../collector/audiences/receiver.js';
import { ADMIN_TOKEN, READ_TOKEN, type ClickHouseTestCollector, type TestCollector } from '../../collector/helpers/test-collector.js';

const names = (en: string) => ({ name: { en, zh: en }, description: { en, zh: en } });
const TRIGGERS: Record<string, Record<string, unknown>> = {
  abandoned_cart: {
    when: { event: 'add_to_cart' }, unless: { event: 'conversion', withinMinutes: 60 },
    oncePerHours: 72, maxAgeHours: 240, consent: 'not_withdrawn',
  },
  tea_browser: {
    when: { event: 'page_view', filters: [{ prop: 'category', op: 'eq', value: 'tea' }] },
    oncePerHours: 24, maxAgeHours: 720, consent: 'granted',
  },
};
/** The instants the triggers run at: three points of the seeded month. */
const RUNS = [Date.UTC(2026, 2, 10), Date.UTC(2026, 2, 20), Date.UTC(2026, 2, 31)];

/** Creates and runs the triggers on `c`; returns the firings and deliveries by trigger. */
export async function triggerAnswers(c: TestCollector | ClickHouseTestCollector): Promise<Record<string, unknown>> {
  const hook = await startReceiver();
  try {
    for (const [id, def] of Object.entries(TRIGGERS)) {
      const res = await c.post('/v1/triggers', { site: 'shop', id, ...names(id), ...def, webhook: { url: hook.url, secret: 'trigger-secret-0123456789' } }, { authorization: `Bearer ${ADMIN_TOKEN}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const data = { meta: c.meta, engine: audienceEngineOf(c.store, c.meta) };
    const runs = [];
    for (const now of RUNS) runs.push(await runTriggers(data, 'shop', now));
    const out: Record<string, unknown> = { runs };
    for (const id of Object.keys(TRIGGERS)) {
      const res = await c.get(`/v1/triggers/${id}/firings?site=shop`, READ_TOKEN);
      expect(res.status).toBe(200);
      out[`${id}: firings`] = res.body.items.map(({ eventId: _e, ...f }: Record<string, unknown>) => f);
    }
    out.deliveries = hook.received.map((r) => {
      const { event, ...body } = JSON.parse(r.body);
      return { ...body, eventTs: event.ts };
    }).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return out;
  } finally {
    await hook.close();
  }
}
