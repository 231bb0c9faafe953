/** The sites the signed-in token may read, fetched once per sign-in. */
import { apiGet } from './api.js';
import type { SiteInfo } from './state.js';

let cached: Promise<SiteInfo[]> | null = null;

/** The readable sites (`GET /v1/sites`). */
export function loadSites(): Promise<SiteInfo[]> {
  cached ??= apiGet<{ sites: SiteInfo[] }>('/v1/sites').then((r) => r.sites);
  cached.catch(() => (cached = null));
  return cached;
}

/** Forgets the cached list (sign-in and sign-out). */
export function resetSites(): void {
  cached = null;
}
