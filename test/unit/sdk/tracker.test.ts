import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Batch, WireEvent } from '../../../collector/src/dictionary/events.js';
import { createTracker } from '../../../sdk/src/core/tracker.js';
import { checkOptions, settle, type Options } from '../../../sdk/src/core/options.js';
import type { PlatformAdapter } from '../../../sdk/src/core/platform.js';
import { serial } from '../../../sdk/src/core/serial.js';
import { memoryStore } from '../../../sdk/src/storage/memory-store.js';
import { startRecordingServer, waitFor, type RecordingServer } from '../../sdk/helpers/recording-server.js';
import { nodePlatform } from './node-platform.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

/** A tracker with debug(), as the npm and mini-program builds make it. */
const start = (p: PlatformAdapter, options: Options) => createTracker(p, settle(options));

// A long interval: these tests flush explicitly.
const opts = (more: Partial<Options> = {}): Options => ({ site: 'demo', endpoint: server.origin, key: 'wk_1', flushInterval: 60_000, ...more });

describe('tracker over real HTTP', () => {
  it('sends events that the dictionary accepts, in a valid batch envelope', async () => {
    const t = start(nodePlatform({ url: 'https://shop.example.com/?utm_source=baidu&gclid=Gx' }), opts());
    t.page();
    t.track('signup', { method: 'email' });
    t.conversion({ goal: 'purchase', value: 199, currency: 'CNY', order_id: 'o-1' });
    t.identify('u1', { phone: '13800000000' }, { city: 'Hangzhou' });
    await t.flush();
    expect(server.received).toHaveLength(1);
    const body = server.received[0].json!;
    expect(Batch.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ site: 'demo', key: 'wk_1' });
    for (const e of body.batch) expect(WireEvent.safeParse(e).error).toBeUndefined();
    const [view, signup, purchase, identify] = body.batch as any[];
    // the touches carry the landing only: the collector reads utm_source and gclid from it
    const landing = 'https://shop.example.com/?utm_source=baidu&gclid=Gx';
    expect(view).toMatchObject({ event: 'page_view', sessionStart: true, context: { platform: 'web', campaign: { landing }, first: { landing } } });
    expect(Object.keys(view.context.campaign).sort()).toEqual(['landing', 'ts']);
    expect(signup).toMatchObject({ event: 'signup', props: { method: 'email' }, sessionId: view.sessionId });
    expect(signup.sessionStart).toBeUndefined();
    expect(purchase).toMatchObject({ event: 'conversion', props: { goal: 'purchase', value: 199, currency: 'CNY', order_id: 'o-1' } });
    expect(identify).toMatchObject({ event: 'identify', userId: 'u1', identities: { phone: '13800000000' }, traits: { city: 'Hangzhou' } });
    expect(new Set(body.batch.map((e) => e.id)).size).toBe(4);
    expect(body.batch.every((e) => /^[0-9a-z]{21}$/.test(e.id) && e.anonymousId == view.anonymousId)).toBe(true);
  });

  it('applies beforeSend: changes or drops an event', async () => {
    const beforeSend: Options['beforeSend'] = (e) => (e.event == 'secret' ? null : ({ ...e, props: { ...(e as { props?: object }).props, edited: true } } as typeof e));
    const t = start(nodePlatform(), opts({ beforeSend }));
    t.track('secret');
    t.track('open');
    await t.flush();
    expect(server.events().map((e) => [e.event, e.props])).toEqual([['open', { edited: true }]]);
  });

  it('sends nothing under Do-Not-Track or Global Privacy Control, unless told not to respect it', async () => {
    const t = start(nodePlatform({ dnt: () => true }), opts());
    t.page();
    await t.flush();
    expect(server.received).toHaveLength(0);
    const u = start(nodePlatform({ dnt: () => true }), opts({ respectDnt: false }));
    u.page();
    await u.flush();
    expect(server.events()).toHaveLength(1);
  });

  it('holds events until consent, sends them after consent(true), and discards them on consent(false)', async () => {
    const store = memoryStore();
    const t = start(nodePlatform({ store }), opts({ requireConsent: true }));
    t.track('held');
    await t.flush();
    expect(server.received).toHaveLength(0);
    expect(store.get('md_a')).toBeUndefined(); // nothing stored before consent
    t.consent(true);
    // this flush waits for the one consent started (both hold the queue's lock), so the page is
    // done sending before the next page below opens on the same storage
    await t.flush();
    expect(server.events()).toHaveLength(1);
    expect(server.events()[0].event).toBe('held');
    expect(store.get('md_a')).toBe(server.events()[0].anonymousId);
    // consent is remembered: a later page does not hold
    const later = start(nodePlatform({ store }), opts({ requireConsent: true }));
    later.track('after');
    await later.flush();
    expect(server.events().map((e) => e.event)).toEqual(['held', 'after']);

    const other = start(nodePlatform(), opts({ requireConsent: true }));
    other.track('refused');
    other.consent(false);
    other.track('refused-too');
    await other.flush();
    expect(server.events().map((e) => e.event)).toEqual(['held', 'after']);
  });

  it('remembers an opt-out across page loads until optIn, and forgets the visitor', async () => {
    const store = memoryStore();
    const first = start(nodePlatform({ store }), opts());
    first.track('before');
    expect(store.get('md_a')).toBeDefined();
    first.optOut();
    // ids and stored events are gone; the refusal is stored like consent(false)
    expect([store.get('md_a'), store.get('md_q'), store.get('md_c')]).toEqual([undefined, undefined, '0']);
    const next = start(nodePlatform({ store }), opts());
    next.track('ignored');
    await next.flush();
    expect(server.received).toHaveLength(0);
    next.optIn();
    next.track('counted');
    await next.flush();
    expect(server.events().map((e) => e.event)).toEqual(['counted']);
  });

  it('lets two tabs sharing storage send each stored event once', async () => {
    const store = memoryStore();
    const lock = serial(); // what Web Locks give the tabs of one site
    const a = start(nodePlatform({ store, lock }), opts());
    const b = start(nodePlatform({ store, lock }), opts());
    for (let i = 0; i < 5; i++) a.track('from_a', { i });
    for (let i = 0; i < 5; i++) b.track('from_b', { i });
    await Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
    await waitFor(() => server.events().length >= 10, 3000, '10 events');
    const ids = server.events().map((e) => e.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  it('drops a batch the collector refuses with 400 and counts it', async () => {
    server.answer(() => ({ status: 400 }));
    const t = start(nodePlatform(), opts());
    t.track('broken');
    await t.flush();
    await t.flush();
    expect(server.received).toHaveLength(1);
    expect(t.debug()).toMatchObject({ rejected: 1, queued: 0 });
  });

  it('retries a 503 no sooner than Retry-After says, then delivers', async () => {
    server.answer(() => ({ status: 503, headers: { 'Retry-After': '1' } }));
    const t = start(nodePlatform(), opts());
    t.track('retry_me');
    const first = Date.now();
    await t.flush();
    expect(t.debug().queued).toBe(1);
    await waitFor(() => server.received.length == 2, 4000, 'the retry');
    const gap = Date.now() - first;
    expect(gap).toBeGreaterThanOrEqual(1000); // Retry-After: 1 second
    expect(server.received[1].json!.batch[0].id).toBe(server.received[0].json!.batch[0].id);
    await waitFor(() => t.debug().queued == 0, 1000, 'the queue to empty');
  });

  it('keeps events through a network error and sends them later', async () => {
    const store = memoryStore();
    const offline = start(nodePlatform({ store }), opts({ endpoint: 'http://127.0.0.1:9' }));
    offline.track('kept');
    await offline.flush();
    expect(offline.debug().queued).toBe(1);
    // the next page load resends what was stored
    const next = start(nodePlatform({ store }), opts());
    await next.flush();
    await waitFor(() => server.events().length == 1, 3000, 'the stored event');
    expect(server.events()[0].event).toBe('kept');
  });

  it('caps the queue, drops the oldest and reports the count in the envelope until a 2xx confirms it', async () => {
    const t = start(nodePlatform(), opts({ maxQueue: 3, batchSize: 100 }));
    for (let i = 0; i < 5; i++) t.track('e', { i });
    // 5 tracked, cap 3: events 0 and 1 are gone
    expect(t.debug()).toMatchObject({ dropped: 2, queued: 3 });
    server.answer(() => ({ status: 503 }));
    await t.flush(); // refused: the count is not confirmed yet
    await waitFor(() => server.received.length == 2, 4000, 'the retry'); // the backoff retry (0.5–1 s) gets 200
    expect(server.received.map((r) => r.json!.dropped)).toEqual([2, 2]);
    expect(server.events().map((e) => (e.props as { i?: number }).i)).toEqual([2, 3, 4, 2, 3, 4]);
    // confirmed: the next request reports nothing until more are dropped. Waiting for the answer
    // to be handled too: tracked while the 3 sent events were still stored, 'later' would be a
    // 4th past the cap of 3 and drop one.
    await waitFor(() => t.debug().queued == 0, 2000, 'the retried events to be confirmed');
    t.track('later');
    await t.flush();
    expect(server.received).toHaveLength(3);
    expect(server.received[2].json).not.toHaveProperty('dropped');
    expect(Batch.safeParse(server.received[0].json).success).toBe(true);
  });

  it('starts a new anonymous id and session on reset, without the user id', async () => {
    const t = start(nodePlatform(), opts());
    t.identify('u9');
    t.track('before_logout');
    t.reset();
    t.track('after_logout');
    await t.flush();
    const [ident, before, after] = server.events();
    expect(ident.userId).toBe('u9');
    expect(before.userId).toBe('u9');
    expect(after.userId).toBeUndefined();
    expect(after.anonymousId).not.toBe(before.anonymousId);
    expect(after.sessionId).not.toBe(before.sessionId);
    expect(after.sessionStart).toBe(true);
  });

  it('flushes as soon as batchSize events are queued', async () => {
    const t = start(nodePlatform(), opts({ batchSize: 3 }));
    t.track('a');
    t.track('b');
    expect(server.received).toHaveLength(0);
    t.track('c');
    await waitFor(() => server.received.length == 1, 2000, 'the batch');
    expect(server.events().map((e) => e.event)).toEqual(['a', 'b', 'c']);
  });

  it('rejects init without site or endpoint, naming the fields', () => {
    expect(() => checkOptions({ site: '', endpoint: 'x' })).toThrow(/site and endpoint are required/);
    expect(() => checkOptions({ site: 'demo' } as Options)).toThrow(/site and endpoint are required/);
  });
});
