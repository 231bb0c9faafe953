import type { WireEvent } from '../../../collector/src/dictionary/wire-types.js';
import { SCRIPT_TAG } from './build.js';

/** Options of `init()`. Only `site` and `endpoint` are required. */
export interface Options {
  /** Site id, as configured in the collector. Required. */
  site: string;
  /** Collector base URL, e.g. `https://t.example.com`; events go to `${endpoint}/v1/batch`. Required. */
  endpoint: string;
  /** Write key of the site, sent in the request body. Default: none. */
  key?: string;
  /** Send a page view on load and on SPA navigation (web only). Default: `true`. */
  autoPageviews?: boolean;
  /** Treat `#/path` changes as navigations and read the route from the hash. Default: `false`. */
  hashRouting?: boolean;
  /** Send a `click` event for links and buttons, and custom events for `data-md-event` elements. Default: `true`. */
  autoClicks?: boolean;
  /**
   * Where the anonymous id lives. `'cookie'`: a first-party cookie on the root domain (shared by
   * subdomains), with the queue in localStorage; `'localStorage'`: everything in localStorage.
   * Default: `'cookie'`.
   */
  storage?: 'cookie' | 'localStorage';
  /** Cookie domain for the anonymous id. Default: the shortest domain the browser accepts. */
  cookieDomain?: string;
  /** Send nothing when Do-Not-Track or Global Privacy Control is on. Default: `true`. */
  respectDnt?: boolean;
  /** Hold events (and write no cookie) until `consent(true)`; `consent(false)` discards them. Default: `false`. */
  requireConsent?: boolean;
  /** Change an event before it is queued, or return `null` to drop it. Default: none. */
  beforeSend?: (event: WireEvent) => WireEvent | null;
  /** Send as soon as this many events are queued. Default: `20`. */
  batchSize?: number;
  /** Longest wait (ms) between an event and its sending. Default: `5000`. */
  flushInterval?: number;
  /** Most events kept in storage; the oldest are dropped first and counted. Default: `1000`. */
  maxQueue?: number;
  /** Idle time (ms) after which the next event starts a new session. Default: `1800000` (30 min). */
  sessionTimeout?: number;
}

/**
 * Options with the numbers filled in. The switches stay optional: those that default to on
 * (`autoPageviews`, `autoClicks`, `respectDnt`) are read as `!== false`, which costs the script
 * tag fewer bytes than defaults.
 */
export type Settings = Options & Required<Pick<Options, 'batchSize' | 'flushInterval' | 'maxQueue' | 'sessionTimeout'>>;

/**
 * Throws when a required option is missing. The npm and mini-program builds check with it; the
 * script tag does not (its endpoint defaults to the script's origin, and a missing `data-site`
 * gets the collector's 400 naming `/site`, visible in the browser's network panel).
 */
export function checkOptions(options: Options): void {
  if (!options.site || !options.endpoint) throw Error('maidian: site and endpoint are required');
}

/**
 * Fills in the default numbers. The npm and mini-program builds drop trailing slashes from the
 * endpoint; the script tag leaves them, to stay small: `https://t.example.com/` posts to
 * `//v1/batch`, which the collector reads as `/v1/batch` (collector/src/app.ts).
 */
export function settle(options: Options): Settings {
  const o = { batchSize: 20, flushInterval: 5000, maxQueue: 1000, sessionTimeout: 1800000, ...options };
  if (!SCRIPT_TAG) o.endpoint = o.endpoint.replace(/\/+$/, '');
  return o;
}
