import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch, identify, pageView } from './helpers/events.js';
import { SALT, startTestCollector, WRITE_KEY, type TestCollector } from './helpers/test-collector.js';

let c: TestCollector;
beforeEach(async () => { c = await startTestCollector(); });
afterEach(async () => { await c.stop(); });

const row = (id: string) => c.query<Record<string, any>>('SELECT * FROM events WHERE id = @id', { id })[0];

describe('event time', () => {
  it('corrects client clock skew with the batch sentAt', async () => {
    // The client clock runs one hour fast; the event happened 30 s before the batch left.
    const sentAt = Date.now() + 3_600_000;
    const ev = pageView(sentAt - 30_000, '/');
    await c.post('/v1/batch', batch([ev], sentAt));
    const r = row(ev.id);
    // ts = client_ts + (received_at − sentAt) = (sentAt − 30 000) + received_at − sentAt = received_at − 30 000
    expect(r.client_ts).toBe(sentAt - 30_000);
    expect(r.ts).toBe(r.received_at - 30_000);
    // A skew of about an hour is beyond transit time: corrected, and flagged so it can be seen.
    expect(JSON.parse(r.flags)).toEqual([expect.objectContaining({ path: '/batch/0/ts', code: 'clock_skew_corrected' })]);
  });

  it('clamps a time more than 5 minutes in the future to the receive time, with a flag', async () => {
    const now = Date.now();
    const ev = pageView(now + 10 * 60_000, '/');
    await c.post('/v1/batch', batch([ev], now));
    const r = row(ev.id);
    expect(r.ts).toBe(r.received_at);
    // An event timed 10 minutes after its own batch was sent cannot share the batch's clock, so
    // sentAt is not used either (see test/reliability/clock-skew.test.ts).
    expect(JSON.parse(r.flags)).toEqual([
      expect.objectContaining({ path: '/batch/0/ts', code: 'sent_at_ignored' }),
      expect.objectContaining({ path: '/batch/0/ts', code: 'future_time_clamped' }),
    ]);
  });

  it('stores the client time with a flag when no sentAt is sent (POST /v1/event)', async () => {
    const at = Date.now() - 60_000;
    const ev = pageView(at, '/');
    const res = await c.post('/v1/event', { site: 'shop', key: WRITE_KEY, event: ev });
    expect(res.body).toMatchObject({ accepted: 1, results: [{ index: 0, id: ev.id, status: 'accepted' }] });
    const r = row(ev.id);
    expect(r.ts).toBe(at);
    expect(JSON.parse(r.flags)).toEqual([expect.objectContaining({ path: '/event/ts', code: 'uncorrected_time' })]);
  });
});

describe('IP address', () => {
  it('stores only the anonymized socket address, ignoring X-Forwarded-For by default', async () => {
    const now = Date.now();
    const ev = pageView(now, '/');
    await c.post('/v1/batch', batch([ev], now), { 'x-forwarded-for': '203.0.113.9' });
    // The test client connects from 127.0.0.1; the last octet is zeroed.
    expect(row(ev.id).ip).toBe('127.0.0.0');
    expect(c.query("SELECT COUNT(*) AS n FROM events WHERE ip LIKE '%127.0.0.1%' OR ip LIKE '%203.0.113%'")).toEqual([{ n: 0 }]);
  });
});

describe('identities', () => {
  const phone = '+86 138-0013-8000';
  const email = ' Li.Lei@Example.com ';
  // HMAC-SHA256 keyed by the site salt over the normalized value (see docs/api.md).
  const hmac = (v: string) => 'sha256:' + createHmac('sha256', SALT).update(v).digest('hex');

  it('hashes phone and email with the site salt and keeps other identities', async () => {
    const now = Date.now();
    const ev = identify(now, 'user-42', { phone, email, unionid: 'u-1' }, { city: 'Hangzhou' });
    await c.post('/v1/batch', batch([ev], now));
    const r = row(ev.id);
    expect(r.user_id).toBe('user-42');
    expect(JSON.parse(r.props)).toEqual({
      city: 'Hangzhou',
      $identities: { phone: hmac('+8613800138000'), email: hmac('li.lei@example.com'), unionid: 'u-1' },
    });
  });

  it('never writes clear phone or email to the database, quarantine included', async () => {
    const now = Date.now();
    const good = identify(now, 'user-42', { phone, email });
    const bad: Record<string, any> = { ...identify(now, 'user-43', { phone, email }), userId: '' }; // invalid: empty user id
    const res = await c.post('/v1/batch', batch([good, bad], now));
    expect(res.body).toMatchObject({ accepted: 1, quarantined: 1 });
    const [q] = c.query<{ payload: string }>('SELECT payload FROM quarantine');
    expect(JSON.parse(q.payload).identities).toEqual({ phone: hmac('+8613800138000'), email: hmac('li.lei@example.com') });
    await c.close();
    const bytes = ['', '-wal'].map((s) => { try { return readFileSync(c.dbPath + s).toString('latin1'); } catch { return ''; } }).join('');
    for (const clear of ['0013-8000', '13800138000', 'Li.Lei@', 'li.lei@']) expect(bytes.includes(clear)).toBe(false);
  });
});

describe('user agent, referrer and campaign', () => {
  const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

  it('parses the User-Agent header, or context.userAgent for mini-programs', async () => {
    const now = Date.now();
    const web = pageView(now, '/');
    const mini = pageView(now, '/pages/index', { context: { platform: 'wechat', userAgent: IPHONE, page: { url: 'pages/index?a=1', path: '/pages/index' } } });
    await c.post('/v1/batch', batch([web, mini], now));
    expect(row(web.id)).toMatchObject({ browser: 'Chrome', os: 'Windows', device_type: 'desktop', is_bot: 0 });
    expect(row(mini.id)).toMatchObject({ browser: 'Mobile Safari', os: 'iOS', device_type: 'mobile', platform: 'wechat' });
  });

  it('keeps external referrer hosts, drops internal ones, and picks the first click id', async () => {
    const now = Date.now();
    const fromBaidu = pageView(now, '/', { page: { referrer: 'https://www.Baidu.com/s?wd=shoes' } });
    const internal = pageView(now, '/cart', { page: { referrer: 'https://shop.example.com/' } });
    const ad = pageView(now, '/sale', { context: { campaign: { fbclid: 'fb-1', gclid: 'g-1', utm_source: 'newsletter', utm_medium: 'email' } } });
    await c.post('/v1/batch', batch([fromBaidu, internal, ad], now));
    // No UTMs and a search-engine referrer: Organic Search (GA4 default channel grouping).
    expect(row(fromBaidu.id)).toMatchObject({ referrer_host: 'baidu.com', source: 'baidu', medium: 'organic', channel: 'Organic Search' });
    expect(row(internal.id)).toMatchObject({ referrer_host: null, source: '(direct)', medium: '(none)', channel: 'Direct' });
    // gclid comes before fbclid in the click-id order, and Google auto-tagging wins over UTMs.
    expect(row(ad.id)).toMatchObject({
      click_id_type: 'gclid', click_id: 'g-1', utm_source: 'newsletter', utm_medium: 'email',
      source: 'google', medium: 'cpc', channel: 'Paid Search',
    });
  });
});
