/** Notifications waiting to be delivered, and every delivery attempt. */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { DeliveryChannel } from '../../../alerts/delivery/channel-schema.js';
import { preparedStatement } from '../analytics/channels/prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const sql = (db: Database.Database, name: string) => preparedStatement(db, DIR, name);

/** A pending notification. */
export interface OutboxItem {
  id: number;
  eventSeq: number;
  channelIndex: number;
  channel: DeliveryChannel;
  attempts: number;
}

/** One delivery attempt. */
export interface DeliveryAttempt {
  outboxId: number;
  eventSeq: number;
  channelType: string;
  attempt: number;
  at: number;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** Queues a notification of event `eventSeq` to channel `channelIndex`. */
export function enqueueNotification(db: Database.Database, eventSeq: number, channelIndex: number, channel: DeliveryChannel, now: number): void {
  sql(db, 'insert-outbox').run({ event_seq: eventSeq, channel_index: channelIndex, channel: JSON.stringify(channel), next_attempt_at: now });
}

/** Pending notifications due at `now`, oldest first. */
export function dueNotifications(db: Database.Database, now: number, limit: number): OutboxItem[] {
  return (sql(db, 'select-due-outbox').all({ now, limit }) as { id: number; event_seq: number; channel_index: number; channel: string; attempts: number }[])
    .map((r) => ({ id: r.id, eventSeq: r.event_seq, channelIndex: r.channel_index, channel: JSON.parse(r.channel), attempts: r.attempts }));
}

/** When the next pending notification is due, or null when none is pending. */
export function nextNotificationTime(db: Database.Database): number | null {
  return (sql(db, 'select-next-outbox-time').get({}) as { next: number | null }).next;
}

/** Records an attempt and moves the notification on: sent, failed for good, or retried at `retryAt`. */
export function recordAttempt(db: Database.Database, a: DeliveryAttempt, status: 'pending' | 'sent' | 'failed', retryAt: number): void {
  db.transaction(() => {
    sql(db, 'insert-delivery').run({
      outbox_id: a.outboxId, event_seq: a.eventSeq, channel_type: a.channelType, attempt: a.attempt, at: a.at, ok: a.ok ? 1 : 0,
      status_code: a.statusCode, error: a.error,
    });
    sql(db, 'update-outbox').run({ id: a.outboxId, status, attempts: a.attempt, next_attempt_at: retryAt });
  })();
}

/** Delivery attempts of an event, oldest first. */
export function listDeliveries(db: Database.Database, eventSeq: number) {
  return (sql(db, 'select-deliveries').all({ event_seq: eventSeq }) as
    { id: number; event_seq: number; channel_type: string; attempt: number; at: number; ok: number; status_code: number | null; error: string | null; channel_index: number }[])
    .map((r) => ({ channelIndex: r.channel_index, channelType: r.channel_type, attempt: r.attempt, at: r.at, ok: r.ok === 1, statusCode: r.status_code, error: r.error }));
}
