import type { KV } from '../core/platform.js';

/**
 * First-party cookies as a store for the anonymous id (values are cookie-safe ids, so they are
 * not escaped). Without an explicit `domain`, a value is set on the shortest domain the browser
 * accepts, found by trial: on `a.b.example.com` it tries `example.com` (public suffixes such as
 * `com` or `co.uk` are refused by the browser), then `b.example.com`, …, and falls back to a
 * host-only cookie. Cookies live 400 days, the longest browsers keep them.
 */
export function cookieStore(doc: Document, host: string, secure: boolean, domain?: string): KV {
  const get = (k: string) => doc.cookie.match('(^|; )' + k + '=([^;]*)')?.[2];
  return {
    get,
    set(k, v) {
      const parts = (domain || host).split('.');
      let i = domain ? 0 : parts.length - 2;
      // Shortest first: `example.com`, `b.example.com`, …, then host-only (i = -1). Writing an
      // unchanged value still renews its lifetime; a null value expires the cookie (`md_a=null`
      // with max-age 0: the value written does not matter).
      do doc.cookie = `${k}=${v};path=/;max-age=${v ? 34560000 : 0}${secure ? ';secure' : ''}${i < 0 ? '' : ';domain=' + parts.slice(i).join('.')}`;
      while (get(k) != v && --i > -2);
    },
  };
}
