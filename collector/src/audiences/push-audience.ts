/**
 * Pushes an audience to its webhook as a difference: persons added and removed since the last
 * push the webhook acknowledged (2xx). Only on success is the new membership remembered, so a
 * failed push is sent again, whole, next time. Payload:
 *   { site, audience, pushedAt, added: [{ personId, userId, identities }], removed: [personId] }
 */
import { audienceSql, type StoredAudience } from '../storage/sqlite/analytics/audiences/audience-store.js';
import type { AudienceData } from './audience-engine.js';
import type { Webhook } from './audience-schema.js';
import { exportRows, markDelivered } from './export-rows.js';
import { oneAtATime } from './one-at-a-time.js';
import { postSigned } from './post-signed.js';

/** What a push did. */
export type PushResult =
  | { status: 'pushed'; added: number; removed: number; pushedAt: string }
  | { status: 'unchanged'; members: number }
  | { status: 'failed'; added: number; removed: number; error: string };

/**
 * Pushes the changes since the last acknowledged push; `unchanged` sends nothing. Pushes of one
 * audience never overlap (the scheduled one and `POST …/push`), so a difference is sent once.
 */
export function pushAudience(data: AudienceData, site: string, audience: StoredAudience, now = Date.now()): Promise<PushResult> {
  const webhook = audience.definition.activation.webhook;
  if (!webhook) return Promise.reject(new Error(`audience "${audience.id}" has no webhook`));
  return oneAtATime(data.meta, `push\u0000${site}\u0000${audience.id}`, () => pushDifference(data, site, audience, webhook, now));
}

async function pushDifference(data: AudienceData, site: string, audience: StoredAudience, webhook: Webhook, now: number): Promise<PushResult> {
  const db = data.meta;
  const key = { site, audience_id: audience.id };
  const rows = await exportRows(data, site, audience);
  const current = new Set(rows.map((r) => r.personId));
  const pushed = new Set((audienceSql(db, 'select-pushed').all(key) as { personId: string }[]).map((r) => r.personId));
  const added = rows.filter((r) => !pushed.has(r.personId));
  const removed = [...pushed].filter((p) => !current.has(p)).sort();
  if (added.length === 0 && removed.length === 0) return { status: 'unchanged', members: current.size };
  const pushedAt = new Date(now).toISOString();
  const result = await postSigned(webhook.url, webhook.secret, { site, audience: audience.id, pushedAt, added, removed }, now);
  if (!result.ok) return { status: 'failed', added: added.length, removed: removed.length, error: result.error };
  db.transaction(() => {
    for (const r of added) audienceSql(db, 'insert-pushed').run({ ...key, person_id: r.personId, now });
    for (const p of removed) audienceSql(db, 'delete-pushed').run({ ...key, person_id: p });
    markDelivered(db, site, audience.id, added.map((r) => r.personId), now);
  })();
  return { status: 'pushed', added: added.length, removed: removed.length, pushedAt };
}
