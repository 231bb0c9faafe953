/**
 * The storage boundary of the collector. Ingest, replay and reports speak only to this interface,
 * so a second engine (ClickHouse) can implement it beside the SQLite one. Methods are async even
 * though better-sqlite3 is synchronous, because a networked engine is not.
 */
import type { Reason } from '../dictionary/reason.js';

/** One normalized, enriched event: the columns of the `events` table. Absent values are null. */
export interface EventRow {
  site: string;
  id: string;
  event: string;
  ts: number;
  client_ts: number;
  received_at: number;
  anonymous_id: string;
  user_id: string | null;
  session_id: string;
  session_start: 0 | 1;
  platform: string;
  url: string | null;
  path: string | null;
  title: string | null;
  referrer: string | null;
  referrer_host: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  utm_id: string | null;
  click_id_type: string | null;
  click_id: string | null;
  scene: string | null;
  source: string;
  medium: string;
  channel: string;
  /** JSON of the first-touch campaign fields. */
  first_touch: string | null;
  browser: string | null;
  browser_version: string | null;
  os: string | null;
  device_type: string | null;
  /** Anonymized IP; the full address never reaches storage. */
  ip: string | null;
  is_bot: 0 | 1;
  /** JSON object of properties (traits and `$identities` for identify). */
  props: string;
  goal: string | null;
  revenue: number | null;
  currency: string | null;
  order_id: string | null;
  /** JSON array of warnings (warn-mode dictionary findings, time corrections), else null. */
  flags: string | null;
  dictionary_version: number | null;
}

/** Request facts kept with a quarantined event so a replay can enrich it like ingest would. */
export interface RequestMeta {
  userAgent: string | null;
  /** Already anonymized. */
  ip: string | null;
}

/** A payload that failed validation, with the reasons. */
export interface QuarantineRow {
  /** Null when the envelope was unreadable. */
  site: string | null;
  event_id: string | null;
  event: string | null;
  received_at: number;
  sent_at: number | null;
  /** The event (or body) as received, personal identifiers hashed. */
  payload: string;
  reasons: Reason[];
  dictionary_version: number | null;
  request: RequestMeta | null;
  /** 'event': one event a replay may accept; 'body': an unreadable body or invalid envelope. */
  scope: 'event' | 'body';
}

/** A stored quarantine row. */
export interface QuarantineRecord extends QuarantineRow {
  qid: number;
  status: 'open' | 'replayed';
  replayed_at: number | null;
}

/** A batch's report of events its SDK dropped from a full offline queue. */
export interface ClientDropRow {
  site: string;
  received_at: number;
  anonymous_id: string | null;
  dropped: number;
}

/** Whether an event row was new, or its (site, id) was already stored. */
export type InsertOutcome = 'accepted' | 'duplicate';

/** A quarantined event that now passes validation, to move into `events`. */
export interface ReplayMove {
  qid: number;
  row: EventRow;
}

/** The filters of the summary report; times are epoch ms, `to` exclusive. */
export interface SummaryQuery {
  site: string;
  from: number;
  to: number;
  /** How many top pages and channels to return. */
  limit: number;
}

/** The summary report's figures (bots excluded). */
export interface SummaryFigures {
  pageviews: number;
  visitors: number;
  sessions: number;
  conversions: number;
  conversionRate: number;
  revenue: { currency: string; amount: number }[];
  topPages: { path: string; pageviews: number; visitors: number }[];
  topChannels: { channel: string; sessions: number; visitors: number; conversions: number }[];
  /** Events SDKs reported dropping from full offline queues (never received). */
  clientDropped: number;
}

/** The collector's storage. */
export interface Store {
  /**
   * Stores events and quarantine rows in one transaction; resolves only after it committed.
   * Outcomes are in the order of `events`; an event whose (site, id) exists is a duplicate.
   */
  ingest(events: EventRow[], quarantine: QuarantineRow[], clientDrop?: ClientDropRow): Promise<InsertOutcome[]>;
  /** Quarantine rows of a site (or of no site with `site: null`), newest first. */
  listQuarantine(q: { site: string | null; status: 'open' | 'replayed'; limit: number }): Promise<QuarantineRecord[]>;
  /** Inserts replayed events and marks their quarantine rows replayed, in one transaction. */
  replay(moves: ReplayMove[], replayedAt: number): Promise<InsertOutcome[]>;
  /** The summary figures of a site over a time range. */
  summary(q: SummaryQuery): Promise<SummaryFigures>;
  /** Resolves true when the database answers. */
  ping(): Promise<boolean>;
  /** Closes the database; the store is unusable afterwards. */
  close(): Promise<void>;
}
