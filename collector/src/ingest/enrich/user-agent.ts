import { UAParser } from 'ua-parser-js';

/** Browser, OS and device class of a user agent. */
export interface UserAgentInfo {
  browser: string | null;
  browser_version: string | null;
  os: string | null;
  /** desktop | mobile | tablet | console | smarttv | wearable | embedded */
  device_type: string | null;
}

/** Parsing a UA string is the costliest enrichment step, and a site sees few distinct strings. */
const CACHE_LIMIT = 2000;
const cache = new Map<string, UserAgentInfo>();

/** Parses a user agent with ua-parser-js, cached by string (oldest entry dropped when full). */
export function parseUserAgent(ua: string | null | undefined): UserAgentInfo {
  if (!ua) return { browser: null, browser_version: null, os: null, device_type: null };
  const hit = cache.get(ua);
  if (hit) return hit;
  const r = new UAParser(ua).getResult();
  const info: UserAgentInfo = {
    browser: r.browser.name ?? null,
    browser_version: r.browser.version ?? null,
    os: r.os.name ?? null,
    // ua-parser leaves the type undefined for ordinary computers.
    device_type: r.device.type ?? 'desktop',
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(ua, info);
  return info;
}
