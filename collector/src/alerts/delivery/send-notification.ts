/** Sends one notification to one channel; never throws: the outcome says what happened. */
import type { AlertNotification } from '../alert-notification.js';
import type { DeliveryChannel } from './channel-schema.js';
import { chatAccepted, chatRequest } from './chat-requests.js';
import { sendEmail } from './send-email.js';
import { SIGNATURE_HEADER, signWebhook } from './sign-webhook.js';

/** The outcome of one attempt. */
export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** How long an HTTP receiver may take to answer. */
const HTTP_TIMEOUT_MS = 10_000;

/** Sends `n` to `channel` at `nowMs`. */
export async function sendNotification(channel: DeliveryChannel, n: AlertNotification, nowMs: number): Promise<SendOutcome> {
  try {
    if (channel.type === 'email') {
      await sendEmail(channel, n);
      return { ok: true, statusCode: null, error: null };
    }
    if (channel.type === 'webhook') {
      const body = JSON.stringify(n);
      const signature = signWebhook(channel.secret, body, Math.floor(nowMs / 1000));
      return await post(channel.url, body, { [SIGNATURE_HEADER]: signature, 'X-Maidian-Event': n.type }, () => true);
    }
    const req = chatRequest(channel, n, nowMs);
    return await post(req.url, JSON.stringify(req.body), {}, (body) => chatAccepted(channel.type, body));
  } catch (err) {
    return { ok: false, statusCode: null, error: (err as Error).message };
  }
}

async function post(url: string, body: string, headers: Record<string, string>, accepted: (body: unknown) => boolean): Promise<SendOutcome> {
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'maidian-alerts', ...headers },
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    redirect: 'error',
  });
  const text = await res.text();
  if (!res.ok) return { ok: false, statusCode: res.status, error: `HTTP ${res.status}: ${text.slice(0, 200)}` };
  let parsed: unknown = null;
  try { parsed = JSON.parse(text); } catch { /* Slack answers "ok" as text */ }
  if (!accepted(parsed)) return { ok: false, statusCode: res.status, error: `refused: ${text.slice(0, 200)}` };
  return { ok: true, statusCode: res.status, error: null };
}
