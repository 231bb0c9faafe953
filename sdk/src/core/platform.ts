import type { Context } from '../../../collector/src/dictionary/wire-types.js';

/** A synchronous string store; `set(key)` (or a null value) deletes. A missing key reads as undefined (not null). */
export interface KV {
  get(key: string): string | undefined;
  set(key: string, value?: string | null): void;
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

/**
 * What the tracker needs from its runtime. The core touches no platform global: browsers and
 * each mini-program runtime provide one of these.
 */
export interface PlatformAdapter {
  /** Queue and state. */
  kv: KV;
  /** Where the anonymous id lives: a root-domain cookie on the web, else `kv` itself. */
  ids: KV;
  /** POSTs a body; resolves with the status, rejects on a network error. */
  post(url: string, body: string): Promise<Reply>;
  /** Sends without waiting, surviving page unload; false when the runtime refused or has no such call. */
  beacon(url: string, body: string): boolean | undefined;
  /** Platform, page, locale, time zone, screen (and user agent in mini-programs) right now. */
  describe(): Omit<Context, 'library' | 'campaign' | 'first'>;
  /** How this visit landed. */
  landing(): Landing;
  /**
   * Runs `send` while holding the one lock on this site's queue, shared by every tab (the Web
   * Locks API in browsers), and resolves when it is done. Browsers without Web Locks run `send`
   * at once; mini-programs (one "tab") one after another.
   */
  withLock(send: () => Promise<void>): Promise<unknown>;
  /** True when the device knows it is offline (false where the runtime cannot tell). */
  offline(): boolean;
  /** True when Do-Not-Track or Global Privacy Control is on (false where the runtime has neither). */
  dnt(): boolean;
  /**
   * Registers the lifecycle callbacks: `leave` when the page or app is being hidden (send what
   * is queued now), `online` when the network is back, and `landed` when a mini-program app is
   * shown again with new launch options.
   */
  listen(leave: () => void, online: () => void, landed?: (landing: Landing) => void): void;
}
