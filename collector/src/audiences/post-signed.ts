/**
 * POSTs JSON to a webhook with the collector's signature header (the same scheme as alert
 * webhooks): `X-Maidian-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 */
import { SIGNATURE_HEADER, signWebhook } from '../alerts/delivery/sign-webhook.js';

const TIMEOUT_MS = 10_000;

/** The outcome of a POST: delivered (2xx) or an error to record. */
export type PostResult = { ok: true; status: number } | { ok: false; error: string };

/** Signs and posts `payload`; never throws. */
export async function postSigned(url: string, secret: string, payload: unknown, now = Date.now()): Promise<PostResult> {
  const body = JSON.stringify(payload);
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(now / 1000)) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return res.ok ? { ok: true, status: res.status } : { ok: false, error: `the webhook answered HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, error: `the webhook could not be reached: ${(err as Error).message}` };
  }
}
