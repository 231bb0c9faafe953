import type { KV } from '../core/platform.js';

/** 400 days: the longest lifetime browsers keep a cookie for. */
const MAX_AGE = 34560000;

/**
 * First-party cookies as a store (used for the anonymous id). Without an explicit `domain`, a
 * value is set on the shortest domain the browser accepts, found by trial: on `a.b.example.com`
 * it tries `example.com` (public suffixes such as `com` or `co.uk` are refused by the browser),
 * then `b.example.com`, …, and falls back to a host-only cookie.
 */
export function cookieStore(doc: Document, host: string, secure: boolean, domain?: string): KV {
  const get = (k: string) => {
    const m = doc.cookie.match('(?:^|; )' + k + '=([^;]*)');
    return m ? decodeURIComponent(m[1]) : null;
  };
  return {
    get,
    set(k, v) {
      const cookie = `${k}=${encodeURIComponent(v || '')};path=/;max-age=${v == null ? 0 : MAX_AGE};samesite=lax${secure ? ';secure' : ''}`;
      // Shortest first: `example.com`, `b.example.com`, …, then host-only.
      const parts = domain ? [domain] : host.split('.');
      for (let i = parts.length - (domain ? 1 : 2); i >= -1; i--) {
        doc.cookie = cookie + (i < 0 ? '' : ';domain=' + parts.slice(i).join('.'));
        if (get(k) == v) return;
      }
    },
  };
}
