import type { BrowserPlatform } from '../platform/browser.js';
import { on } from './on.js';

/**
 * Sends page views on load and on SPA navigation (pushState, replaceState, popstate, and
 * hashchange with hash routing), never twice in a row for the same URL. A page restored from the
 * back/forward cache counts again; a prerendered page counts only once the user sees it.
 */
export function autoPageviews(p: BrowserPlatform, page: () => void, hashRouting?: boolean): void {
  let last: string | undefined;
  // Called bare and as a listener (whose event it ignores).
  const view = () => {
    const url = hashRouting ? location.href : location.href.split('#')[0];
    if (url == last) return;
    if (last) p.referrer = last; // inside an SPA, the previous view is the referrer
    last = url;
    page();
  };
  for (const m of ['pushState', 'replaceState'] as const) {
    const original = history[m];
    history[m] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      view();
    };
  }
  on(window, 'popstate', view);
  // Without hash routing a hash change leaves the URL view() compares unchanged: no view.
  on(window, 'hashchange', view);
  // A restored page counts again, with the referrer it had.
  on(window, 'pageshow', (e: PageTransitionEvent) => e.persisted && ((last = undefined), view()));
  // prerenderingchange fires once, when a prerendered page is shown.
  if ((document as { prerendering?: boolean }).prerendering) on(document, 'prerenderingchange', view);
  else view();
}
