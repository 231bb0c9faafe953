/**
 * The global filters (site, from, to, compare) and page options live in the URL's query, so a
 * view can be bookmarked, shared and restored with the back button.
 */

/** A site the signed-in token may read (from `GET /v1/sites`). */
export interface SiteInfo {
  id: string;
  name: string;
  timezone: string;
  hosts: string[];
  writeKey: string | null;
  dictionaryVersion: number;
  admin: boolean;
}

/** The global filters; `from` and `to` are days (inclusive) in the site's time zone. */
export interface Filters {
  site: string;
  from: string;
  to: string;
  compare: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query of the current URL. */
export function currentQuery(): URLSearchParams {
  return new URLSearchParams(location.search);
}

/** One page option from the URL, or the fallback. */
export function param(name: string, fallback = ''): string {
  return currentQuery().get(name) ?? fallback;
}

/** The filters in the URL, completed with defaults: the first site, the last 7 days there. */
export function readFilters(sites: SiteInfo[]): Filters {
  const q = currentQuery();
  const site = sites.find((s) => s.id === q.get('site')) ?? sites[0];
  const today = todayIn(site?.timezone ?? 'UTC');
  let to = DAY.test(q.get('to') ?? '') ? q.get('to')! : today;
  let from = DAY.test(q.get('from') ?? '') ? q.get('from')! : addDays(to, -6);
  if (from > to) [from, to] = [to, from];
  return { site: site?.id ?? '', from, to, compare: q.get('compare') === '1' };
}

/** The filters as query parameters of the report routes. */
export function rangeQuery(f: Filters): { site: string; from: string; to: string } {
  return { site: f.site, from: f.from, to: f.to };
}

/** The period of the same length just before [from, to]. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const days = daysBetween(from, to) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The day `n` days after `date` (negative: before). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
