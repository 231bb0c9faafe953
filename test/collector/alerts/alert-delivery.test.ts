import { sqliteAlertData } from '../../../collector/src/alerts/alert-data.js';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertScheduler } from '../../../collector/src/alerts/schedule/alert-scheduler.js';
import { listDeliveries } from '../../../collector/src/storage/sqlite/alerts/alert-outbox-store.js';
import { freshStore, storeRule } from './helpers/alert-db.js';
import { httpReceiver, smtpSink } from './helpers/receivers.js';
import { at } from './helpers/series-source.js';

const SECRET = 'whsec-0123456789abcdef';
const DING_SECRET = 'SECding0123456789';
const FEISHU_SECRET = 'feishu-secret-0123';
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A clock starting at `iso` and running at real speed (so backoff delays pass). */
function clockFrom(iso: string): () => number {
  const real = Date.now();
  return () => at(iso) + (Date.now() - real);
}

/** Verifies the generic webhook signature the way docs/alerts.md tells a receiver to. */
function verifyAsDocumented(header: string, body: string): boolean {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
  if (!t) return false;
  const expected = createHmac('sha256', SECRET).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}

describe('alert delivery', () => {
  it('delivers to every channel; a failing channel is retried with backoff and does not block the others', async () => {
    const store = freshStore();
    cleanup.push(store.dispose);
    const http = await httpReceiver((r) => {
      if (r.path === '/broken') return { status: 500, body: '{"error":"down"}' };
      if (r.path === '/wecom' || r.path === '/dingtalk') return { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
      if (r.path === '/feishu') return { status: 200, body: '{"code":0,"msg":"success"}' };
      return { status: 200, body: 'ok' };
    });
    cleanup.push(http.close);
    const smtp = await smtpSink();
    cleanup.push(smtp.close);
    storeRule(store.store, {
      name: 'No traffic', createdAt: at('2026-05-01T00:00:00Z'),
      channels: [
        { type: 'webhook', url: `${http.base}/broken`, secret: SECRET }, // index 0 fails every time
        { type: 'webhook', url: `${http.base}/hook`, secret: SECRET },
        { type: 'wecom', url: `${http.base}/wecom?key=k1` },
        { type: 'dingtalk', url: `${http.base}/dingtalk?access_token=t1`, secret: DING_SECRET },
        { type: 'feishu', url: `${http.base}/feishu`, secret: FEISHU_SECRET },
        { type: 'slack', url: `${http.base}/slack` },
        { type: 'email', to: ['ops@example.com'], from: 'alerts@example.com', smtp: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true } },
      ],
    });
    const sch = new AlertScheduler({ data: sqliteAlertData(store.store.db), now: clockFrom('2026-05-01T01:05:00Z'), delivery: { maxAttempts: 3, baseDelayMs: 20 }, deliveryPollMs: 60_000 });
    cleanup.push(() => sch.stop());
    await sch.start(); // slot 01:00 breaches (no sessions) → fires
    // drain delivers until nothing is pending (the retries of the broken channel are due after 20 and 40 ms).
    await sch.drain(Number.MAX_SAFE_INTEGER);

    const by = (p: string) => http.received.filter((r) => r.path === p);
    // Generic webhook: signed, and the signature verifies over the raw body.
    const [hook] = by('/hook');
    expect(by('/hook')).toHaveLength(1);
    expect(verifyAsDocumented(String(hook.headers['x-maidian-signature']), hook.body)).toBe(true);
    expect(verifyAsDocumented(String(hook.headers['x-maidian-signature']), hook.body.replace('No traffic', 'No trafficX'))).toBe(false);
    const payload = JSON.parse(hook.body);
    expect(payload).toMatchObject({ type: 'alert.fired', site: 'shop', rule: { name: 'No traffic' }, value: 0, slot: '2026-05-01T01:00:00.000Z' });
    expect(hook.headers['x-maidian-event']).toBe('alert.fired');
    // WeCom markdown.
    expect(JSON.parse(by('/wecom')[0].body)).toMatchObject({ msgtype: 'markdown' });
    expect(by('/wecom')[0].url.searchParams.get('key')).toBe('k1');
    // DingTalk: sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
    const ding = by('/dingtalk')[0];
    const ts = ding.url.searchParams.get('timestamp')!;
    expect(ding.url.searchParams.get('sign')).toBe(createHmac('sha256', DING_SECRET).update(`${ts}\n${DING_SECRET}`).digest('base64'));
    expect(ding.url.searchParams.get('access_token')).toBe('t1');
    // Feishu: sign = base64(HMAC-SHA256 keyed with timestamp + "\n" + secret, over "").
    const feishu = JSON.parse(by('/feishu')[0].body);
    expect(feishu.sign).toBe(createHmac('sha256', `${feishu.timestamp}\n${FEISHU_SECRET}`).update('').digest('base64'));
    expect(feishu).toMatchObject({ msg_type: 'text' });
    expect(feishu.content.text).toContain('告警触发 / Alert fired: No traffic');
    expect(JSON.parse(by('/slack')[0].body).text).toContain('Alert fired');
    // Email reached the SMTP sink.
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].to).toEqual(['ops@example.com']);
    expect(smtp.messages[0].raw).toContain('Subject:');
    // The broken channel: 3 attempts, all recorded as failed; every other channel: one successful attempt.
    expect(by('/broken')).toHaveLength(3);
    const seq = (store.store.db.prepare("SELECT seq FROM alert_events WHERE type = 'fired'").get() as { seq: number }).seq;
    const attempts = listDeliveries(store.store.db, seq);
    expect(attempts.filter((a) => a.channelIndex === 0).map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([[1, false, 500], [2, false, 500], [3, false, 500]]);
    expect(attempts.filter((a) => a.channelIndex > 0).map((a) => [a.channelType, a.attempt, a.ok])).toEqual([
      ['webhook', 1, true], ['wecom', 1, true], ['dingtalk', 1, true], ['feishu', 1, true], ['slack', 1, true], ['email', 1, true],
    ]);
    expect(store.store.db.prepare('SELECT status, COUNT(*) AS n FROM alert_outbox GROUP BY status ORDER BY status').all())
      .toEqual([{ status: 'failed', n: 1 }, { status: 'sent', n: 6 }]);
  });

  it('a chat platform answering 200 with an error code counts as a failed attempt', async () => {
    const store = freshStore();
    cleanup.push(store.dispose);
    const http = await httpReceiver(() => ({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' }));
    cleanup.push(http.close);
    storeRule(store.store, { createdAt: at('2026-05-01T00:00:00Z'), channels: [{ type: 'dingtalk', url: `${http.base}/d`, secret: 'x' }] });
    const sch = new AlertScheduler({ data: sqliteAlertData(store.store.db), now: clockFrom('2026-05-01T01:05:00Z'), delivery: { maxAttempts: 2, baseDelayMs: 5 }, deliveryPollMs: 60_000 });
    cleanup.push(() => sch.stop());
    await sch.start();
    await sch.drain(Number.MAX_SAFE_INTEGER);
    const rows = store.store.db.prepare('SELECT attempt, ok, status_code, error FROM alert_deliveries ORDER BY id').all() as { error: string }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ attempt: 1, ok: 0, status_code: 200 });
    expect(rows[0].error).toContain('sign not match');
  });
});
