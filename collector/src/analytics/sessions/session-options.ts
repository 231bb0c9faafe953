/**
 * How server sessions are cut and attributed, per site. Every field has a default that follows
 * GA4 (see docs/sessions.md); a site overrides only what it needs.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Options of one site's sessions, all durations in ms. */
export const SessionOptionsSchema = z
  .object({
    /** Inactivity that ends a session; an event this long or longer after the previous starts a new one. Default 30 min. */
    sessionTimeoutMs: z.number().int().min(MINUTE).max(DAY).default(30 * MINUTE),
    /** Start a new session when an event brings campaign fields other than the session's. Default false (GA4). */
    splitOnCampaignChange: z.boolean().default(false),
    /** How far back a direct session looks for the person's last non-direct source. Default 90 days. */
    lastNonDirectLookbackMs: z.number().int().min(0).max(730 * DAY).default(90 * DAY),
    /** Sessions longer than this are flagged `too_long` (likely bots). Default 3 days. */
    botSessionMaxMs: z.number().int().min(MINUTE).default(3 * DAY),
  })
  .strict();

/** Session options with defaults applied. */
export type SessionOptions = z.infer<typeof SessionOptionsSchema>;
/** Session options as written in a config (any field may be left out). */
export type SessionOptionsInput = z.input<typeof SessionOptionsSchema>;

/** The defaults: GA4's 30 minutes and 90 days, no campaign split, Snowplow's 3-day bot limit. */
export const DEFAULT_SESSION_OPTIONS: SessionOptions = SessionOptionsSchema.parse({});

/** Options of the refresh: defaults for every site and per-site overrides. */
export interface RefreshOptions {
  /** Options of every site not named in `sites`. */
  defaults?: SessionOptionsInput;
  /** Options per site id, over `defaults`. */
  sites?: Record<string, SessionOptionsInput>;
  /** Dirty visitors refreshed per transaction (default 2000); smaller holds the write lock for less time. */
  maxVisitorsPerTransaction?: number;
}

/** Thrown for invalid session options, with where (JSON pointer) and what is allowed. */
export class SessionOptionsError extends Error {
  constructor(readonly pointer: string, message: string) {
    super(`session options ${pointer}: ${message}`);
    this.name = 'SessionOptionsError';
  }
}

/** The options of `site`: its own over the defaults over the built-in defaults; throws when invalid. */
export function sessionOptionsFor(options: RefreshOptions, site: string): SessionOptions {
  // Each layer is checked on its own so an error points into the layer that has it.
  check(options.defaults, '/defaults');
  check(options.sites?.[site], `/sites/${site}`);
  return SessionOptionsSchema.parse({ ...options.defaults, ...options.sites?.[site] });
}

function check(layer: SessionOptionsInput | undefined, base: string): void {
  if (layer === undefined) return;
  const parsed = SessionOptionsSchema.safeParse(layer);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(SessionOptionsSchema.shape).join(', ');
    throw new SessionOptionsError(`${base}/${issue.keys[0]}`, `unknown option "${issue.keys[0]}"; the options are ${known}`);
  }
  throw new SessionOptionsError(`${base}/${issue.path.join('/')}`, issue.message);
}

const configured = new WeakMap<Database.Database, RefreshOptions>();

/**
 * Records the session options of the sites stored in `db` (from the collector config), so that
 * every refresh on that connection — whichever report triggers it — cuts sessions the same way.
 */
export function configureSessionOptions(db: Database.Database, options: RefreshOptions): void {
  configured.set(db, options);
}

/** The options recorded for `db` by configureSessionOptions (none: the defaults). */
export function configuredSessionOptions(db: Database.Database): RefreshOptions {
  return configured.get(db) ?? {};
}
