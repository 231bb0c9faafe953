/**
 * Runs triggers: scan the recent events for new firings, then deliver pending firings to the
 * trigger's signed webhook. Consent is checked at both steps. A delivery that fails is tried
 * again on the next run, up to MAX_ATTEMPTS, then marked failed. Payload:
 *   { site, trigger, personId, userId, event: { id, ts }, firedAt }
 *
 * The engine finds the candidate events (when, unless, range); the rules about persons (consent,
 * at most one firing per window, a person's first candidate) are applied here, on both engines.
 */
import { audienceSql } from '../storage/sqlite/analytics/audiences/audience-store.js';
import { listTriggers, type StoredTrigger } from '../storage/sqlite/analytics/audiences/trigger-store.js';
import type { AudienceData, TriggerCandidate } from './audience-engine.js';
import { consentAllows, consentStates } from './consent.js';
import { oneAtATime } from './one-at-a-time.js';
import { postSigned } from './post-signed.js';

/** Delivery attempts before a firing is marked failed. */
export const MAX_ATTEMPTS = 5;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

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

interface Pending { personId: string; windowStart: number; eventTs: number; eventId: string; attempts: number }

/**
 * Scans and delivers every enabled trigger of `site` (or only `ids`). Runs of one site never
 * overlap (a run that starts during another waits), so a pending firing is posted once.
 */
export function runTriggers(data: AudienceData, site: string, now = Date.now(), ids?: readonly string[]): Promise<TriggerRun[]> {
  return oneAtATime(data.meta, `triggers\u0000${site}`, async () => {
    const runs: TriggerRun[] = [];
    for (const t of listTriggers(data.meta, site)) {
      if (!t.definition.enabled || (ids && !ids.includes(t.id))) continue;
      const fired = await scanTrigger(data, site, t, now);
      runs.push({ id: t.id, fired, ...(await deliverFirings(data, site, t, now)) });
    }
    return runs;
  });
}

/**
 * Records the firings due at `now`: for each person, the first candidate event whose person's
 * consent allows it and that has no firing for an event less than a window earlier. Returns how
 * many were new.
 */
async function scanTrigger(data: AudienceData, site: string, t: StoredTrigger, now: number): Promise<number> {
  const def = t.definition;
  const withinMs = (def.unless?.withinMinutes ?? 0) * MINUTE_MS;
  const dueBefore = now - withinMs;
  const candidates = await data.engine.triggerCandidates({
    site, when: def.when, unless: def.unless, scanFrom: dueBefore - def.maxAgeHours * HOUR_MS, dueBefore, withinMs,
  });
  const persons = [...new Set(candidates.map((c) => c.personId))];
  const consent = await consentStates(data, site, persons);
  const latest = new Map((audienceSql(data.meta, 'select-latest-firings').all({ site, trigger_id: t.id, persons: JSON.stringify(persons) }) as { personId: string; eventTs: number }[])
    .map((r) => [r.personId, r.eventTs]));
  const windowMs = def.oncePerHours * HOUR_MS;
  const firing = new Map<string, TriggerCandidate>();
  for (const c of candidates) {
    if (firing.has(c.personId) || !consentAllows(consent.get(c.personId), def.consent)) continue;
    const last = latest.get(c.personId);
    if (last === undefined || last <= c.ts - windowMs) firing.set(c.personId, c);
  }
  const insert = audienceSql(data.meta, 'insert-firing');
  return data.meta.transaction(() => [...firing.values()].reduce((n, c) => n + insert.run({
    site, trigger_id: t.id, person_id: c.personId, window_start: Math.floor(c.ts / windowMs) * windowMs, event_ts: c.ts, event_id: c.id, now,
  }).changes, 0))();
}

async function deliverFirings(data: AudienceData, site: string, t: StoredTrigger, now: number) {
  const db = data.meta;
  const counts = { delivered: 0, failed: 0, suppressed: 0 };
  const pending = audienceSql(db, 'select-pending-firings').all({ site, trigger_id: t.id }) as Pending[];
  const consent = await consentStates(data, site, [...new Set(pending.map((p) => p.personId))]);
  const update = (p: Pending, status: string, attempted: number, error: string | null) => audienceSql(db, 'update-firing').run({
    site, trigger_id: t.id, person_id: p.personId, window_start: p.windowStart, status, attempted, error,
    delivered_at: status === 'delivered' ? now : null,
  });
  for (const p of pending) {
    if (!consentAllows(consent.get(p.personId), t.definition.consent)) {
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
