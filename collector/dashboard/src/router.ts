/**
 * Path routing under /dashboard (`/dashboard/channels?site=shop&from=…`): real URLs, so deep
 * links and the back button work; the collector answers every such path with index.html.
 */

/** Where the dashboard is mounted. */
export const BASE = '/dashboard';

type Listener = (pageChanged: boolean) => void;
let listener: Listener = () => {};
let lastPage = '';

/** The page id of the current URL ('' = overview). */
export function pageId(): string {
  const rest = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '';
  return rest.replace(/^\/+|\/+$/g, '');
}

/** The URL of a page with a query. */
export function href(page: string, query: URLSearchParams | Record<string, string> = {}): string {
  const qs = new URLSearchParams(query).toString();
  return `${BASE}/${page}${qs ? `?${qs}` : ''}`;
}

/** Goes to a page, keeping the global filters unless a query is given. */
export function navigate(page: string, query?: URLSearchParams | Record<string, string>, replace = false): void {
  const url = href(page, query ?? globalQuery());
  history[replace ? 'replaceState' : 'pushState'](null, '', url);
  notify();
}

/**
 * Changes query parameters of the current page (undefined removes one) and re-renders;
 * `quiet` only records them (a search box keeps its focus while the URL follows it).
 */
export function setQuery(changes: Record<string, string | undefined>, replace = false, quiet = false): void {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') q.delete(k);
    else q.set(k, v);
  }
  history[replace ? 'replaceState' : 'pushState'](null, '', href(pageId(), q));
  if (!quiet) notify();
}

/** The global filters of the current URL, which links to other pages carry along. */
export function globalQuery(): URLSearchParams {
  const q = new URLSearchParams(location.search);
  const keep = new URLSearchParams();
  for (const k of ['site', 'from', 'to', 'compare']) if (q.has(k)) keep.set(k, q.get(k)!);
  return keep;
}

/**
 * Starts routing: `render(pageChanged)` runs now, on back/forward, and on clicks of in-app links
 * (`a[data-nav]`), which are handled without a reload.
 */
export function startRouter(render: Listener): void {
  listener = render;
  window.addEventListener('popstate', notify);
  document.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a[data-nav]') as HTMLAnchorElement | null;
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    history.pushState(null, '', a.getAttribute('href')!);
    notify();
  });
  notify();
}

function notify(): void {
  const page = pageId();
  const changed = page !== lastPage;
  lastPage = page;
  listener(changed);
}
