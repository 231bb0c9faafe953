import type { BrowserPlatform } from '../platform/browser.js';
import { on } from './on.js';

/**
 * Sends page views on load and on SPA navigation (pushState, replaceState, popstate, and
 * hashchange with hash routing), never twice in a row for the same URL. A page restored from the
 * back/forward cache counts again; a prerendered page counts only once the user sees it.
 */
export function autoPageviews(p: BrowserPlatform, page: () => void, hashRouting?: boolean): void {
  const w = window;
  const { history: h, location: loc, document: doc } = w;
  let last: string | undefined;
  const view = (again?: boolean) => {
    const url = hashRouting ? loc.href : loc.href.split('#')[0];
    if (url == last && !again) return;
    if (last) p.referrer = last; // inside an SPA, the previous view is the referrer
    last = url;
    page();
  };
  for (const m of ['pushState', 'replaceState'] as const) {
    const original = h[m];
    h[m] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      view();
    };
  }
  on(w, 'popstate', () => view());
  if (hashRouting) on(w, 'hashchange', () => view());
  on(w, 'pageshow', (e: PageTransitionEvent) => e.persisted && view(true));
  if ((doc as { prerendering?: boolean }).prerendering) on(doc, 'prerenderingchange', () => view(), { once: true });
  else view();
}
