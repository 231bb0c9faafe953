import type { Context } from '../../../collector/src/dictionary/wire-types.js';

/** A synchronous string store; `set(key, null)` deletes. */
export interface KV {
  get(key: string): string | null | undefined;
  set(key: string, value: string | null): void;
}

/** The answer of the collector as far as delivery cares (a fetch `Response` is one). */
export interface Reply {
  status: number;
  /** Reads the `Retry-After` header, if any (seconds or an HTTP date). */
  headers: { get(name: 'Retry-After'): string | null | undefined };
}

/** Where a visit came in: the URL (or mini-program `path?query`) the collector reads campaign fields from. */
export interface Landing {
  url: string;
  referrer?: string;
  /** Host of the site itself; a referrer from another host is external. */
  host?: string;
  /** Mini-program launch scene. */
  scene?: number | string;
}

/** Lifecycle callbacks the tracker hands to its platform. */
export interface Hooks {
  /** The page or app is being hidden: send what is queued now. */
  hide(): void;
  /** The network is back. */
  online(): void;
  /** The app was shown again with new launch options (mini-programs). */
  show(landing: Landing): void;
}

/**
 * What the tracker needs from its runtime. The core touches no platform global: browsers and
 * each mini-program runtime provide one of these.
 */
export interface PlatformAdapter {
  platform: Context['platform'];
  /** Queue and state. */
  store: KV;
  /** Where the anonymous id lives (a root-domain cookie on the web). Default: `store`. */
  ids?: KV;
  /** POSTs a body; resolves with the status, rejects on a network error. */
  request(url: string, body: string): Promise<Reply>;
  /** Sends without waiting, surviving page unload; false (or missing) when the runtime refused. */
  beacon?(url: string, body: string): boolean | undefined;
  /** Page, locale, time zone, screen (and user agent in mini-programs) right now. */
  context(): Omit<Context, 'platform' | 'library' | 'campaign' | 'first'>;
  /** How this visit landed. */
  landing(): Landing;
  /** True when the device knows it is offline. */
  offline?(): boolean;
  /** True when Do-Not-Track or Global Privacy Control is on. */
  dnt?(): boolean;
  /** Registers the lifecycle callbacks. */
  listen?(hooks: Hooks): void;
}
