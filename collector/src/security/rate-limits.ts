/**
 * Request rate limits (express-rate-limit, counted in memory): per client address on the /v1
 * API and per site on ingest. Over the limit the answer is 429 with Retry-After, which the SDK
 * honours: it keeps the events and sends them later, so a limit delays data, it does not lose it.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import type { CollectorConfig } from '../config/config-schema.js';
import { HttpError } from '../http/http-error.js';

type Limit = { limit: number; windowSeconds: number };

/** True for 127.0.0.0/8 and ::1 (also IPv4-mapped). */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return v4.startsWith('127.') || ip === '::1';
}

function limiter(limit: Limit, what: string, extra: Partial<Options>): RequestHandler {
  return rateLimit({
    windowMs: limit.windowSeconds * 1000,
    limit: limit.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // The collector checks its own proxy settings (trustProxy in the config).
    validate: false,
    handler: (req, _res, next) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const wait = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + limit.windowSeconds * 1000) - Date.now()) / 1000));
      next(new HttpError(429, 'rate_limited', `more than ${limit.limit} requests in ${limit.windowSeconds} s ${what}; wait ${wait} s (Retry-After) and send again`, undefined, wait));
    },
    ...extra,
  });
}

/**
 * The per-address limit, or a pass-through when it is off. Loopback peers are not limited:
 * without `trustProxy` they are a reverse proxy on the same host (all its clients would share
 * one budget) or a local tool; with `trustProxy`, `req.ip` is the forwarded client address.
 */
export function ipRateLimit(config: CollectorConfig): RequestHandler {
  const perIp = config.rateLimits.perIp;
  if (perIp === false) return (_req, _res, next) => next();
  return limiter(perIp, 'from this address', { skip: (req) => isLoopback(req.ip) });
}

/** Checks the per-site limit for `site` (resolves, or rejects with the 429 HttpError). */
export type SiteLimitCheck = (req: Request, res: Response, site: string) => Promise<void>;

/** The per-site ingest limit, or a check that always passes when it is off. */
export function siteRateLimit(config: CollectorConfig): SiteLimitCheck {
  const perSite = config.rateLimits.perSite;
  if (perSite === false) return async () => {};
  const middleware = limiter(perSite, 'for this site', { keyGenerator: (_req, res) => `site:${String(res.locals.maidianSite)}` });
  return (req, res, site) =>
    new Promise<void>((resolve, reject) => {
      res.locals.maidianSite = site;
      const next: NextFunction = (err?: unknown) => (err ? reject(err) : resolve());
      void middleware(req, res, next);
    });
}
