/**
 * Works through the outbox: every due notification is sent, each channel on its own, so a slow
 * or failing channel never holds up the others. A failed attempt is retried with exponential
 * backoff (base × 2^(attempt − 1)) until `maxAttempts`; every attempt is recorded.
 */
import type Database from 'better-sqlite3';
import { getEvent } from '../../storage/sqlite/alerts/alert-history-store.js';
import { dueNotifications, recordAttempt, type OutboxItem } from '../../storage/sqlite/alerts/alert-outbox-store.js';
import type { AlertNotification } from '../alert-notification.js';
import { sendNotification } from './send-notification.js';

/** Retry policy. */
export interface DeliveryOptions {
  /** Attempts per notification and channel (default 5). */
  maxAttempts: number;
  /** Delay before the first retry, ms (default 30 s; then 1 min, 2 min, 4 min). */
  baseDelayMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { maxAttempts: 5, baseDelayMs: 30_000 };

/** Sends every notification due at `now()` once; resolves with how many were attempted. */
export async function deliverPending(db: Database.Database, options: DeliveryOptions = DEFAULT_DELIVERY, now: () => number = Date.now): Promise<number> {
  const due = dueNotifications(db, now(), 100);
  await Promise.allSettled(due.map((item) => deliverOne(db, item, options, now)));
  return due.length;
}

async function deliverOne(db: Database.Database, item: OutboxItem, options: DeliveryOptions, now: () => number): Promise<void> {
  const attempt = item.attempts + 1;
  const event = getEvent(db, item.eventSeq);
  const started = now();
  const outcome = event
    ? await sendNotification(item.channel, event.payload as AlertNotification, started)
    : { ok: false, statusCode: null, error: 'the event of this notification no longer exists' };
  const giveUp = !outcome.ok && (attempt >= options.maxAttempts || !event);
  const status = outcome.ok ? 'sent' : giveUp ? 'failed' : 'pending';
  const retryAt = now() + options.baseDelayMs * 2 ** (attempt - 1);
  recordAttempt(db, {
    outboxId: item.id, eventSeq: item.eventSeq, channelType: item.channel.type, attempt, at: started,
    ok: outcome.ok, statusCode: outcome.statusCode, error: outcome.error,
  }, status, retryAt);
}
