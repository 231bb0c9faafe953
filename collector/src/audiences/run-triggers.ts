/**
 * Runs triggers: scan the recent events for new firings, then deliver pending firings to the
 * trigger's signed webhook. Consent is checked at both steps. A delivery that fails is tried
 * again on the next run, up to MAX_ATTEMPTS, then marked failed. Payload:
 *   { site, trigger, personId, userId, event: { id, ts }, firedAt }
 */
import type Database from 'better-sqlite3';
import { refreshDerived } from '../analytics/sessions/refresh-derived.js';
import { audienceSql } from '../storage/sqlite/analytics/audiences/audience-store.js';
import { scanTrigger } from '../storage/sqlite/analytics/audiences/scan-trigger.js';
import { listTriggers, type StoredTrigger } from '../storage/sqlite/analytics/audiences/trigger-store.js';
import { oneAtATime } from './one-at-a-time.js';
import { postSigned } from './post-signed.js';

/** Delivery attempts before a firing is marked failed. */
export const MAX_ATTEMPTS = 5;

/** What one trigger's run did. */
export interface TriggerRun {
  id: string;
  /** New firings the scan recorded (pending delivery). */
  fired: number;
  /** Firings the webhook acknowledged (2xx) in this run. */
  delivered: number;
  /** Delivery attempts that failed in this run; retried next run until MAX_ATTEMPTS, then `failed`. */
  failed: number;
  /** Pending firings not sent because the person's consent no longer allows it (withdrawn since the scan). */
  suppressed: number;
}

interface Pending { personId: string; windowStart: number; eventTs: number; eventId: string; attempts: number; granted: number | null }

/**
 * Scans and delivers every enabled trigger of `site` (or only `ids`). Runs of one site never
 * overlap (a run that starts during another waits), so a pending firing is posted once.
 */
export function runTriggers(db: Database.Database, site: string, now = Date.now(), ids?: readonly string[]): Promise<TriggerRun[]> {
  return oneAtATime(db, `triggers\u0000${site}`, async () => {
    refreshDerived(db, site);
    const runs: TriggerRun[] = [];
    for (const t of listTriggers(db, site)) {
      if (!t.definition.enabled || (ids && !ids.includes(t.id))) continue;
      const fired = scanTrigger(db, site, t.id, t.definition, now);
      runs.push({ id: t.id, fired, ...(await deliverFirings(db, site, t, now)) });
    }
    return runs;
  });
}

async function deliverFirings(db: Database.Database, site: string, t: StoredTrigger, now: number) {
  const counts = { delivered: 0, failed: 0, suppressed: 0 };
  const pending = audienceSql(db, 'select-pending-firings').all({ site, trigger_id: t.id }) as Pending[];
  const update = (p: Pending, status: string, attempted: number, error: string | null) => audienceSql(db, 'update-firing').run({
    site, trigger_id: t.id, person_id: p.personId, window_start: p.windowStart, status, attempted, error,
    delivered_at: status === 'delivered' ? now : null,
  });
  for (const p of pending) {
    if (!consentAllows(p.granted, t.definition.consent)) {
      update(p, 'suppressed', 0, 'consent does not allow contacting this person');
      counts.suppressed += 1;
      continue;
    }
    const payload = {
      site, trigger: t.id, personId: p.personId, userId: p.personId.startsWith('anon:') ? null : p.personId,
      event: { id: p.eventId, ts: new Date(p.eventTs).toISOString() }, firedAt: new Date(now).toISOString(),
    };
    const result = await postSigned(t.definition.webhook.url, t.definition.webhook.secret, payload, now);
    if (result.ok) {
      update(p, 'delivered', 1, null);
      counts.delivered += 1;
    } else {
      update(p, p.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending', 1, result.error);
      counts.failed += 1;
    }
  }
  return counts;
}

function consentAllows(granted: number | null, policy: 'granted' | 'not_withdrawn'): boolean {
  return granted === 1 || (granted === null && policy === 'not_withdrawn');
}
