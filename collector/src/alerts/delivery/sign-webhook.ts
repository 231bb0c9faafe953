/**
 * Signatures of generic webhooks. The header `X-Maidian-Signature: t=<unix seconds>,v1=<hex>`
 * carries HMAC-SHA256(secret, `${t}.${raw body}`). A receiver recomputes it over the raw body,
 * compares in constant time and rejects old timestamps (replays); see docs/alerts.md.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the signature header. */
export const SIGNATURE_HEADER = 'X-Maidian-Signature';

/** The signature header value for `body` sent at `timestampSec`. */
export function signWebhook(secret: string, body: string, timestampSec: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSec}.${body}`).digest('hex');
  return `t=${timestampSec},v1=${mac}`;
}

/**
 * Whether `header` is a valid signature of `body` no older than `toleranceSec` at `nowSec`.
 * What a receiver written in Node would run.
 */
export function verifyWebhookSignature(secret: string, body: string, header: string, nowSec: number, toleranceSec = 300): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSec - t) > toleranceSec) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}
