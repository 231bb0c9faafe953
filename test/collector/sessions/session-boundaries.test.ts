import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch } from '../helpers/events.js';
import { click, DAY, MINUTE, purchase, SECOND, sessionRows, startSessionFixture, T0, view, type SessionFixture } from './session-fixture.js';

let f: SessionFixture;
beforeEach(async () => { f = await startSessionFixture(); });
afterEach(async () => { await f.stop(); });

describe('where a server session ends', () => {
  it('splits after exactly 30 idle minutes, not after 29:59.999', async () => {
    const almost = 30 * MINUTE - 1;
    await f.send([view(T0), view(T0 + almost), view(T0 + almost + 30 * MINUTE)]);
    f.refresh();
    // Gaps: 1 799 999 ms (< 30 min: same session), then exactly 1 800 000 ms (new session).
    expect(sessionRows(f)).toEqual([
      { anonymous_id: 'anon-1', person_id: 'anon:anon-1', start: 0, end: 1_799_999, events: 2 },
      { anonymous_id: 'anon-1', person_id: 'anon:anon-1', start: 3_599_999, end: 3_599_999, events: 1 },
    ]);
    const keys = f.rows<{ session_key: string }>('SELECT session_key FROM events ORDER BY ts');
    expect(keys.map((k) => k.session_key)).toEqual([keys[0].session_key, keys[0].session_key, keys[2].session_key]);
    expect(keys[0].session_key).not.toBe(keys[2].session_key);
  });

  it('does not split at midnight in the site time zone, and honours a shorter timeout', async () => {
    // T0 is 23:00 in Asia/Shanghai: 23:50 and 00:10 are 20 minutes apart, across midnight.
    await f.send([view(T0 + 50 * MINUTE), view(T0 + 70 * MINUTE)]);
    f.refresh();
    expect(sessionRows(f)).toEqual([{ anonymous_id: 'anon-1', person_id: 'anon:anon-1', start: 50 * MINUTE, end: 70 * MINUTE, events: 2 }]);
    // With a 10-minute timeout the 20-minute gap splits. A new event marks the visitor for a refresh.
    await f.send([view(T0 + 71 * MINUTE)]);
    f.refresh({ sessionTimeoutMs: 10 * MINUTE });
    expect(sessionRows(f, 'start_ts - @t0 AS start, events')).toEqual([{ start: 50 * MINUTE, events: 1 }, { start: 70 * MINUTE, events: 2 }]);
  });

  it('flags a session longer than 3 days as too long, and one of exactly 3 days not', async () => {
    // One batch: ingest shifts all its times by the same clock-skew correction, so spans are exact.
    // 161 events 27 minutes apart span 160 × 27 min = 4320 min = exactly 3 days, in one session;
    // visitor "long" has one more event 1 ms later.
    const steps = (anon: string) => Array.from({ length: 161 }, (_, i) => click(T0 + i * 27 * MINUTE, { anon }));
    const events = [...steps('exact'), ...steps('long'), click(T0 + 3 * DAY + 1, { anon: 'long' })];
    const res = await f.c.post('/v1/batch', batch(events, T0 + 3 * DAY + SECOND));
    expect(res.body).toMatchObject({ accepted: 323 });
    f.refresh();
    expect(sessionRows(f, 'anonymous_id, end_ts - start_ts AS span, events, too_long')).toEqual([
      { anonymous_id: 'exact', span: 3 * DAY, events: 161, too_long: 0 },
      { anonymous_id: 'long', span: 3 * DAY + 1, events: 162, too_long: 1 },
    ]);
  });
});

describe('entry attribution', () => {
  it('comes from the first event; internal referrers and a payment redirect do not re-attribute', async () => {
    const ad = { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring', utm_term: 'shoes', utm_content: 'ad1' };
    const redirect = view(T0 + 5 * MINUTE, { path: '/pay/return', referrer: 'https://mapi.alipay.com/gateway.do' });
    await f.send([
      view(T0, { path: '/landing', campaign: ad }),
      click(T0 + MINUTE, { path: '/landing', referrer: 'https://shop.example.com/' }),
      view(T0 + 2 * MINUTE, { path: '/checkout', referrer: 'https://shop.example.com/cart' }),
      redirect,
    ]);
    f.refresh();
    expect(sessionRows(f, 'events, landing_path, source, medium, campaign, term, content, channel')).toEqual([
      { events: 4, landing_path: '/landing', source: 'baidu', medium: 'cpc', campaign: 'spring', term: 'shoes', content: 'ad1', channel: 'Paid Search' },
    ]);
    // The redirect event on its own resolves to the payment provider, so the check above can fail.
    const [own] = f.rows<{ source: string; medium: string }>('SELECT source, medium FROM events WHERE id = @id', { id: redirect.id });
    expect(own).toEqual({ source: 'mapi.alipay.com', medium: 'referral' });
  });

  it('takes the landing path from the first page view, else from the first event', async () => {
    await f.send([
      click(T0, { anon: 'a', path: '/promo' }), view(T0 + SECOND, { anon: 'a', path: '/home' }),
      click(T0, { anon: 'b', path: '/only-click' }),
    ]);
    f.refresh();
    expect(sessionRows(f, 'anonymous_id, landing_path')).toEqual([
      { anonymous_id: 'a', landing_path: '/home' },
      { anonymous_id: 'b', landing_path: '/only-click' },
    ]);
  });
});

describe('the campaign-change option', () => {
  const newsletter = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'june' };
  const weibo = { utm_source: 'weibo', utm_medium: 'social', utm_campaign: 'june' };
  const events = () => [
    view(T0, { campaign: newsletter }),
    view(T0 + 5 * MINUTE, { campaign: newsletter }), // same campaign carried on: no split
    view(T0 + 10 * MINUTE, { campaign: weibo }), // another campaign: split
    view(T0 + 12 * MINUTE), // no campaign fields: stays
    view(T0 + 14 * MINUTE, { campaign: weibo }), // the current session's campaign again: stays
    click(T0 + 16 * MINUTE, { campaign: { gclid: 'Cj0-abc' } }), // a new ad click id: split
    view(T0 + 20 * MINUTE, { anon: 'b' }), // direct …
    view(T0 + 21 * MINUTE, { anon: 'b', campaign: newsletter }), // … then a campaign: split
  ];

  it('is off by default (GA4): a new campaign within 30 minutes stays in the session', async () => {
    await f.send(events());
    f.refresh();
    expect(sessionRows(f, 'anonymous_id, start_ts - @t0 AS start, events, source, medium')).toEqual([
      { anonymous_id: 'anon-1', start: 0, events: 6, source: 'newsletter', medium: 'email' },
      { anonymous_id: 'b', start: 20 * MINUTE, events: 2, source: '(direct)', medium: '(none)' },
    ]);
  });

  it('when on, starts a session at each event whose campaign differs from the session\'s', async () => {
    await f.send(events());
    f.refresh({ splitOnCampaignChange: true });
    expect(sessionRows(f, 'anonymous_id, start_ts - @t0 AS start, events, source, medium, channel')).toEqual([
      { anonymous_id: 'anon-1', start: 0, events: 2, source: 'newsletter', medium: 'email', channel: 'Email' },
      { anonymous_id: 'anon-1', start: 10 * MINUTE, events: 3, source: 'weibo', medium: 'social', channel: 'Organic Social' },
      { anonymous_id: 'anon-1', start: 16 * MINUTE, events: 1, source: 'google', medium: 'cpc', channel: 'Paid Search' },
      { anonymous_id: 'b', start: 20 * MINUTE, events: 1, source: '(direct)', medium: '(none)', channel: 'Direct' },
      { anonymous_id: 'b', start: 21 * MINUTE, events: 1, source: 'newsletter', medium: 'email', channel: 'Email' },
    ]);
  });
});

describe('engaged sessions (GA4) and conversions', () => {
  it('is engaged with ≥ 10 s, a counted conversion or ≥ 2 page views', async () => {
    await f.send([
      view(T0, { anon: 'one-view' }),
      view(T0, { anon: 'ten-seconds' }), click(T0 + 10 * SECOND, { anon: 'ten-seconds' }),
      view(T0, { anon: 'just-short' }), click(T0 + 10 * SECOND - 1, { anon: 'just-short' }),
      view(T0, { anon: 'two-views' }), view(T0 + SECOND, { anon: 'two-views' }),
      purchase(T0, 99, 'order-1', { anon: 'buyer' }),
    ]);
    f.refresh();
    expect(sessionRows(f, 'anonymous_id, pageviews, conversions, engaged').sort((a, b) => String(a.anonymous_id).localeCompare(String(b.anonymous_id)))).toEqual([
      { anonymous_id: 'buyer', pageviews: 0, conversions: 1, engaged: 1 },
      { anonymous_id: 'just-short', pageviews: 1, conversions: 0, engaged: 0 },
      { anonymous_id: 'one-view', pageviews: 1, conversions: 0, engaged: 0 },
      { anonymous_id: 'ten-seconds', pageviews: 1, conversions: 0, engaged: 1 },
      { anonymous_id: 'two-views', pageviews: 2, conversions: 0, engaged: 1 },
    ]);
  });

  it('recounts a conversion when an earlier one of the same order arrives from another device', async () => {
    await f.send([purchase(T0 + MINUTE, 99, 'order-7', { anon: 'tablet' })]);
    f.refresh();
    expect(sessionRows(f, 'anonymous_id, conversions, engaged')).toEqual([{ anonymous_id: 'tablet', conversions: 1, engaged: 1 }]);
    // The same order sent a minute earlier from the phone: it is the one that counts now.
    await f.send([purchase(T0, 99, 'order-7', { anon: 'phone' })]);
    f.refresh();
    expect(sessionRows(f, 'anonymous_id, conversions, engaged')).toEqual([
      { anonymous_id: 'phone', conversions: 1, engaged: 1 },
      { anonymous_id: 'tablet', conversions: 0, engaged: 0 },
    ]);
  });
});
