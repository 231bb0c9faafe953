/** Lowercased host of a URL without a leading `www.`, or null when it is not a URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/**
 * The external referrer host of an event, or null when there is no referrer or it is internal:
 * one of the site's own hosts, or the host of the page itself.
 */
export function externalReferrerHost(referrer: string | null | undefined, ownHosts: readonly string[], pageUrl: string | null | undefined): string | null {
  const host = hostOf(referrer);
  if (!host) return null;
  const own = new Set(ownHosts.map((h) => h.toLowerCase().replace(/^www\./, '')));
  const page = hostOf(pageUrl);
  if (page) own.add(page);
  return own.has(host) ? null : host;
}
