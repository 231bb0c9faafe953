import type { PlatformAdapter } from '../core/platform.js';
import type { Settings } from '../core/options.js';
import { localStore } from '../storage/local-store.js';
import { cookieStore } from '../storage/cookie-store.js';
import { cut } from '../core/cut.js';
import { on } from '../web/on.js';

/** The browser platform, plus the referrer the page-view tracker moves along on SPA navigation. */
export type BrowserPlatform = PlatformAdapter & { referrer: string };

/**
 * POST without cookies, surviving unload. A string body is sent as `text/plain;charset=UTF-8`:
 * a CORS "simple" request, so no preflight.
 */
const post = (url: string, body: string) => fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit' });

/** The adapter for web pages. */
export function browserPlatform(o: Settings): BrowserPlatform {
  // location and document by their own names (shorter once gzipped than aliases); `nav` only
  // adds the type of the Global Privacy Control flag.
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  const store = localStore();
  // Read once per page: making an Intl.DateTimeFormat takes about 0.1 ms, too much for every event.
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const self: BrowserPlatform = {
    referrer: document.referrer,
    kv: store,
    ids: o.storage == 'localStorage' ? store : cookieStore(document, location.hostname, location.protocol == 'https:', o.cookieDomain),
    post,
    // A string beacon goes as text/plain too. Where it is missing or refuses, the sender fetches.
    beacon: (url, body) => nav.sendBeacon?.(url, body),
    describe: () => ({
      // Mobile and in-app browsers are stored as `h5`: the collector decides from the User-Agent
      // header (collector/src/ingest/enrich/web-platform.ts), which keeps this script smaller.
      platform: 'web',
      page: {
        url: cut(location.href),
        path: cut(location.pathname + (o.hashRouting ? location.hash.split('?')[0] : '')),
        title: cut(document.title, 1024),
        referrer: cut(self.referrer) || undefined,
      },
      locale: nav.language,
      timezone,
      screen: { width: screen.width, height: screen.height },
    }),
    landing: () => ({ url: location.href, referrer: document.referrer, host: location.host }),
    // Where Web Locks are missing two tabs may both send a stored event: the collector keeps each
    // event id once, so nothing is stored twice.
    withLock: (send) => nav.locks?.request('md_k', send) || send(),
    offline: () => !nav.onLine,
    dnt: () => nav.doNotTrack == '1' || !!nav.globalPrivacyControl,
    listen(leave, online) {
      // Hidden pages may never come back; `pagehide` covers browsers that unload without
      // hiding first. A second beacon of the same events is harmless: the collector keeps each id once.
      on(document, 'visibilitychange', () => document.hidden && leave());
      on(window, 'pagehide', leave);
      on(window, 'online', online);
    },
  };
  return self;
}
