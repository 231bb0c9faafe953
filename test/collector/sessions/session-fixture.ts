/**
 * A real collector for session tests, plus a second read-write connection to its SQLite file
 * (WAL lets both work) on which the tests run the refresh. Events are posted one by one to
 * `POST /v1/event` without `sentAt`: then ingest stores the client time as is, so the times in
 * a test are exactly the ones written in it (a batch shifts them by the clock-skew correction).
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { refreshDerived } from '../../../collector/src/analytics/sessions/refresh-derived.js';
import type { RefreshOptions, SessionOptionsInput } from '../../../collector/src/analytics/sessions/session-options.js';
import { eventId } from '../helpers/events.js';
import { startTestCollector, WRITE_KEY, type TestCollector } from '../helpers/test-collector.js';

/** 2025-06-10 23:00 in Asia/Shanghai (15:00 UTC): the test site's day ends an hour later. */
export const T0 = Date.UTC(2025, 5, 10, 15, 0, 0);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A collector with a direct connection for refreshes and queries. */
export interface SessionFixture {
  c: TestCollector;
  db: Database.Database;
  /** Posts events one by one; fails the test unless each is accepted. */
  send(events: object[]): Promise<void>;
  /** Refreshes derived rows of site shop with these session options. */
  refresh(options?: SessionOptionsInput, maxVisitorsPerTransaction?: number): ReturnType<typeof refreshDerived>;
  /** Runs a query on the fixture's connection. */
  rows<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): T[];
  stop(): Promise<void>;
}

/** Starts a fixture with a fresh database. */
export async function startSessionFixture(): Promise<SessionFixture> {
  const c = await startTestCollector();
  const db = new Database(c.dbPath);
  db.pragma('busy_timeout = 5000');
  return {
    c,
    db,
    async send(events) {
      for (const event of events) {
        const res = await c.post('/v1/event', { site: 'shop', key: WRITE_KEY, event });
        expect(res.body, JSON.stringify(res.body)).toMatchObject({ accepted: 1 });
      }
    },
    refresh(options = {}, maxVisitorsPerTransaction) {
      const o: RefreshOptions = { sites: { shop: options }, maxVisitorsPerTransaction };
      return refreshDerived(db, 'shop', o);
    },
    rows(sql, params = {}) {
      return db.prepare(sql).all(params) as never[];
    },
    async stop() {
      db.close();
      await c.stop();
    },
  };
}

/** Fields a test event may set. */
export interface EventSpec {
  anon?: string;
  user?: string;
  path?: string;
  /** Document referrer (absolute URL). */
  referrer?: string;
  /** Campaign fields (utm_*, click ids) of the touch the event carries. */
  campaign?: Record<string, string>;
  /** SDK first-touch fields. */
  first?: Record<string, string>;
  id?: string;
}

/** A wire event of kind `event` at client time `at`. */
export function wire(event: 'page_view' | 'click', at: number, spec: EventSpec = {}): Record<string, unknown> {
  const path = spec.path ?? '/';
  return {
    id: spec.id ?? eventId(),
    ts: at,
    anonymousId: spec.anon ?? 'anon-1',
    ...(spec.user ? { userId: spec.user } : {}),
    sessionId: 'client-session',
    event,
    ...(event === 'click' ? { props: { tag: 'a' } } : {}),
    context: {
      platform: 'web',
      library: { name: 'maidian-web', version: '0.1.0' },
      page: { url: `https://shop.example.com${path}`, path, ...(spec.referrer ? { referrer: spec.referrer } : {}) },
      ...(spec.campaign ? { campaign: spec.campaign } : {}),
      ...(spec.first ? { first: spec.first } : {}),
    },
  };
}

/** A page view. */
export const view = (at: number, spec: EventSpec = {}) => wire('page_view', at, spec);
/** A click (not a page view). */
export const click = (at: number, spec: EventSpec = {}) => wire('click', at, spec);

/** A purchase conversion. */
export function purchase(at: number, value: number, orderId: string, spec: EventSpec = {}): Record<string, unknown> {
  const { props: _unused, ...base } = wire('page_view', at, spec);
  void _unused;
  return { ...base, event: 'conversion', props: { goal: 'purchase', value, currency: 'CNY', order_id: orderId } };
}

/** An identify call linking the visitor to `user`, with typed identities. */
export function identifyAs(at: number, user: string, identities: Record<string, string> = {}, spec: EventSpec = {}): Record<string, unknown> {
  return { ...wire('page_view', at, { ...spec, user }), event: 'identify', userId: user, identities };
}

/** Session rows of the site in a stable order, times relative to T0. */
export function sessionRows(f: SessionFixture, columns = 'anonymous_id, person_id, start_ts - @t0 AS start, end_ts - @t0 AS end, events'): Record<string, unknown>[] {
  return f.rows(`SELECT ${columns} FROM sessions WHERE site = 'shop' ORDER BY start_ts, session_key`, { t0: T0 });
}
