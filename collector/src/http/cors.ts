import type { RequestHandler } from 'express';
import type { SiteRegistry } from '../config/site-registry.js';
import type { SiteRuntime } from '../config/site-registry.js';
import { HttpError } from './http-error.js';

/** True when the site accepts events from this browser origin. */
export function originAllowed(site: SiteRuntime, origin: string): boolean {
  const allowed = site.config.allowedOrigins;
  return allowed.includes('*') || allowed.includes(origin);
}

/**
 * CORS for the ingest routes. A preflight carries no body, so it cannot name the site: it is
 * allowed when any site accepts the origin, and the site's own list is checked once the body
 * is read (`checkOrigin`). Allowed origins get CORS headers on every answer, errors included,
 * so the SDK can read them.
 */
export function ingestCors(sites: SiteRegistry): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    const known = origin !== undefined && sites.all().some((s) => originAllowed(s, origin));
    if (known) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.vary('Origin');
    }
    if (req.method !== 'OPTIONS') return next();
    if (origin !== undefined && !known) {
      throw new HttpError(403, 'origin_not_allowed', `origin ${origin} is not in the allowedOrigins of any site`);
    }
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
  };
}

/** Throws 403 when a browser (a request with an Origin header) sends for a site that does not allow it. */
export function checkOrigin(site: SiteRuntime, origin: string | undefined): void {
  if (origin === undefined || originAllowed(site, origin)) return;
  const allowed = site.config.allowedOrigins;
  throw new HttpError(403, 'origin_not_allowed', `site "${site.config.id}" does not accept events from origin ${origin}`, [
    { path: '/site', message: 'origin not allowed for this site', expected: allowed.length ? `one of ${allowed.join(', ')}` : 'no browser origins (allowedOrigins is empty)' },
  ]);
}
