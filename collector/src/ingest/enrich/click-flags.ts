/**
 * What the collector adds to a click: the tracking script sends the link (`href`) and leaves the
 * rest to the collector, which knows the page and the site's hosts, so the script stays small.
 */
import { hostOf } from './referrer.js';

/** Path endings of links that download a file rather than open a page. */
export const DOWNLOAD_EXTENSIONS = /\.(pdf|zip|rar|7z|gz|tgz|dmg|pkg|exe|msi|apk|ipa|docx?|xlsx?|pptx?|csv|txt|mp3|mp4|mov|avi)$/i;

/** Parses an absolute http(s) URL; anything else (mailto:, tel:, javascript:, garbage) is null. */
function httpUrl(href: unknown): URL | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * A link leaves the site when it is http(s) and its host (lowercased, without `www.`, port
 * ignored) is neither one of the site's own hosts nor the host of the page it was clicked on.
 */
export function isOutbound(href: URL, pageUrl: string | null | undefined, siteHosts: readonly string[]): boolean {
  const own = new Set(siteHosts.map((h) => h.toLowerCase().replace(/^www\./, '')));
  const page = hostOf(pageUrl);
  if (page) own.add(page);
  return !own.has(hostOf(href.href)!);
}

/**
 * The stored properties of a click: `text` with its runs of white space made single spaces
 * (the script only trims it), and for an http(s) link `outbound` (see isOutbound) and
 * `download` (a `download` attribute, which the script reports as `download: true`, or a path
 * ending in one of DOWNLOAD_EXTENSIONS). An `outbound` the client sent itself (older scripts
 * computed it) is kept; links that are not http(s) get neither flag, as before.
 */
export function clickFlags(props: Record<string, unknown>, pageUrl: string | null | undefined, siteHosts: readonly string[]): Record<string, unknown> {
  const out = { ...props };
  if (typeof props.text === 'string') out.text = props.text.replace(/\s+/g, ' ').trim();
  const href = httpUrl(props.href);
  if (!href) return out;
  if (typeof props.outbound !== 'boolean') out.outbound = isOutbound(href, pageUrl, siteHosts);
  out.download = props.download === true || DOWNLOAD_EXTENSIONS.test(href.pathname);
  return out;
}
