import type { Hooks, PlatformAdapter } from '../core/platform.js';
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


/** The adapter for web pages (desktop `web`, mobile and in-app browsers `h5`). */
export function browserPlatform(o: Settings): BrowserPlatform {
  const w = window;
  const { location: loc, navigator: nav, document: doc } = w;
  const store = localStore();
  const self: BrowserPlatform = {
    platform: /Mobi|MicroMessenger/.test(nav.userAgent) ? 'h5' : 'web',
    referrer: doc.referrer,
    store,
    ids: o.storage == 'localStorage' ? store : cookieStore(doc, loc.hostname, loc.protocol == 'https:', o.cookieDomain),
    request: post,
    // A string beacon goes as text/plain too. Where it is missing or refuses, the sender fetches.
    beacon: (url, body) => nav.sendBeacon?.(url, body),
    context: () => ({
      page: {
        url: cut(loc.href),
        path: cut(loc.pathname + (o.hashRouting ? loc.hash.split('?')[0] : '')),
        title: cut(doc.title, 1024),
        referrer: cut(self.referrer) || undefined,
      },
      locale: nav.language,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      screen: { width: screen.width, height: screen.height },
    }),
    landing: () => ({ url: loc.href, referrer: doc.referrer, host: loc.host }),
    offline: () => nav.onLine === false,
    dnt: () => nav.doNotTrack == '1' || (nav as { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    listen(h: Hooks) {
      on(doc, 'visibilitychange', () => doc.visibilityState == 'hidden' && h.hide());
      on(w, 'pagehide', h.hide);
      on(w, 'online', h.online);
    },
  };
  return self;
}
