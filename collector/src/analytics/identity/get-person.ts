import type Database from 'better-sqlite3';
import { sessionStatements, type SessionStatements } from '../../storage/sqlite/analytics/sessions/session-statements.js';
import { personExists, resolvePerson } from './resolve-person.js';

/** One typed identity of a person (phone and email as salted hashes). */
export interface PersonIdentity {
  type: string;
  value: string;
  firstSeen: number;
  lastSeen: number;
}

/** One anonymous id (browser, device) of a person. */
export interface PersonVisitor {
  anonymousId: string;
  firstSeen: number;
  lastSeen: number;
  events: number;
  /** The anonymous id also has events of another person (a shared device). */
  shared: boolean;
}

/** One server session of a person, with its entry and last-non-direct attribution. */
export interface PersonSession {
  sessionKey: string;
  anonymousId: string;
  start: number;
  end: number;
  events: number;
  pageviews: number;
  conversions: number;
  landingPath: string | null;
  source: string;
  medium: string;
  campaign: string | null;
  content: string | null;
  term: string | null;
  channel: string;
  lastNonDirect: { source: string; medium: string; campaign: string | null; channel: string };
  device: { type: string | null; browser: string | null; os: string | null; platform: string | null };
  engaged: boolean;
  isBot: boolean;
  tooLong: boolean;
}

/** Everything known about a person. Times are epoch ms. */
export interface PersonView {
  /** The canonical person id (the requested one may have been merged into it). */
  personId: string;
  /** Person ids explicitly merged into this one. */
  mergedFrom: { personId: string; mergedAt: number }[];
  identities: PersonIdentity[];
  anonymousIds: PersonVisitor[];
  sessions: PersonSession[];
  firstTouch: {
    /** Entry attribution of the person's earliest server session. */
    session: { start: number; source: string; medium: string; campaign: string | null; content: string | null; term: string | null; channel: string; landingPath: string | null } | null;
    /** The SDK's first-touch campaign fields, from the earliest event that carries them. */
    sdk: { ts: number; fields: Record<string, unknown> } | null;
  };
}

/**
 * The person view of `personId` (resolved through explicit merges), or null when no such person
 * has events. Reads derived rows as they are: refresh first (refreshDerived) for current ones.
 */
export function getPerson(db: Database.Database, site: string, personId: string): PersonView | null {
  const q = sessionStatements(db);
  const person = resolvePerson(q, site, personId);
  if (!personExists(q, site, person)) return null;
  const p = { site, person };
  const sessions = (q['select-person-sessions'].all(p) as SessionRow[]).map(toSession);
  const first = sessions[0];
  return {
    personId: person,
    mergedFrom: (q['select-person-merged-from'].all(p) as { from_person: string; merged_at: number }[]).map((r) => ({ personId: r.from_person, mergedAt: r.merged_at })),
    identities: (q['select-person-identities'].all(p) as IdentityRow[]).map((r) => ({ type: r.type, value: r.value, firstSeen: r.first_seen, lastSeen: r.last_seen })),
    anonymousIds: (q['select-person-visitors'].all(p) as VisitorRow[]).map((r) => ({ anonymousId: r.anonymous_id, firstSeen: r.first_seen, lastSeen: r.last_seen, events: r.events, shared: r.shared === 1 })),
    sessions,
    firstTouch: {
      session: first ? { start: first.start, source: first.source, medium: first.medium, campaign: first.campaign, content: first.content, term: first.term, channel: first.channel, landingPath: first.landingPath } : null,
      sdk: sdkFirstTouch(q, site, person),
    },
  };
}

interface IdentityRow { type: string; value: string; first_seen: number; last_seen: number }
interface VisitorRow { anonymous_id: string; first_seen: number; last_seen: number; events: number; shared: number }
interface SessionRow {
  session_key: string; anonymous_id: string; start_ts: number; end_ts: number; events: number; pageviews: number; conversions: number;
  landing_path: string | null; source: string; medium: string; campaign: string | null; content: string | null; term: string | null; channel: string;
  lnd_source: string; lnd_medium: string; lnd_campaign: string | null; lnd_channel: string;
  device_type: string | null; browser: string | null; os: string | null; platform: string | null; engaged: number; is_bot: number; too_long: number;
}

function toSession(r: SessionRow): PersonSession {
  return {
    sessionKey: r.session_key, anonymousId: r.anonymous_id, start: r.start_ts, end: r.end_ts,
    events: r.events, pageviews: r.pageviews, conversions: r.conversions, landingPath: r.landing_path,
    source: r.source, medium: r.medium, campaign: r.campaign, content: r.content, term: r.term, channel: r.channel,
    lastNonDirect: { source: r.lnd_source, medium: r.lnd_medium, campaign: r.lnd_campaign, channel: r.lnd_channel },
    device: { type: r.device_type, browser: r.browser, os: r.os, platform: r.platform },
    engaged: r.engaged === 1, isBot: r.is_bot === 1, tooLong: r.too_long === 1,
  };
}

function sdkFirstTouch(q: SessionStatements, site: string, person: string): PersonView['firstTouch']['sdk'] {
  const row = q['select-person-first-touch'].get({ site, person }) as { first_touch: string; ts: number } | undefined;
  if (!row) return null;
  try {
    return { ts: row.ts, fields: JSON.parse(row.first_touch) as Record<string, unknown> };
  } catch {
    return null; // ingest writes valid JSON; a hand-edited row must not break the view
  }
}
