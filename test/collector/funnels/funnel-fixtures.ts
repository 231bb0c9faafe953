/**
 * Shared pieces of the funnel, retention, RFM and AIPL tests: a shop dictionary with the events
 * they need, event builders per person, and a sender that puts events through the real ingest.
 */
import { expect } from 'vitest';
import type { SiteDictionaryInput } from '../../../collector/src/dictionary/site-dictionary.js';
import { batch, custom, pageView } from '../helpers/events.js';
import { shopDictionary, startTestCollector, type TestCollector } from '../helpers/test-collector.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

const text = { en: 'test event', zh: '测试事件' };
const prop = (type: 'string' | 'number') => ({ type, description: { en: 'a property', zh: '一个属性' } });

/** The shop dictionary plus the events of the analytics tests. */
export function analyticsDictionary(): SiteDictionaryInput {
  const base = shopDictionary();
  const plain = { description: text, properties: {} };
  return {
    ...base,
    events: {
      ...base.events,
      view_product: { description: text, properties: { sku: prop('string'), price: prop('number'), category: prop('string') } },
      // sku optional here, so steps can be written without it.
      add_to_cart: { description: text, properties: { sku: prop('string'), price: prop('number') } },
      checkout: plain,
      remove_from_cart: plain,
      event_1003: plain,
      event_1007: plain,
      event_1009: plain,
      event_1010: plain,
    },
  };
}

/** A collector with the analytics dictionary (site "shop", Asia/Shanghai). */
export function startAnalyticsCollector(): Promise<TestCollector> {
  return startTestCollector({ dictionary: analyticsDictionary() });
}

type Json = Record<string, any>;

/** Builders bound to one visitor (anonymous id). */
export function visitor(anonymousId: string, extra: Json = {}) {
  const over = { anonymousId, sessionId: `s-${anonymousId}`, ...extra };
  return {
    event: (at: number, name: string, props: Json = {}) => custom(at, name, props, over),
    page: (at: number, path: string) => pageView(at, path, over),
    /** A page view that lands from a campaign (the session's entry attribution). */
    landing: (at: number, path: string, campaign: Json) => {
      const ev = pageView(at, path, over);
      return { ...ev, context: { ...ev.context, campaign } };
    },
  };
}

/**
 * Sends events in one batch through POST /v1/batch and expects all accepted. The collector
 * shifts every event of a batch by the same transit time (receivedAt − sentAt, a few ms), so
 * times within one batch keep their exact differences.
 */
export async function send(c: TestCollector, events: Json[], headers: Record<string, string> = {}): Promise<void> {
  for (let i = 0; i < events.length; i += 400) {
    const chunk = events.slice(i, i + 400);
    const res = await c.post('/v1/batch', batch(chunk, Date.now()), headers);
    expect(res.body, JSON.stringify(res.body).slice(0, 500)).toMatchObject({ accepted: chunk.length });
  }
}
