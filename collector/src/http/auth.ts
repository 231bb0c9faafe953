import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { CollectorConfig } from '../config/config-schema.js';
import { HttpError } from './http-error.js';

/** The bearer token of a request, or null. */
export function bearerToken(req: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return m ? m[1] : null;
}

/** Compares secrets in constant time, so response timing does not leak how much matched. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Throws 401/403 unless the request carries a read token for `site` (the admin token reads all). */
export function requireRead(req: Request, config: CollectorConfig, site: string): void {
  const token = requireToken(req);
  if (config.adminToken && sameSecret(token, config.adminToken)) return;
  const entry = config.readTokens.find((t) => sameSecret(token, t.token));
  if (!entry) throw new HttpError(401, 'unauthorized', 'the bearer token is not a read token of this collector');
  if (entry.sites !== '*' && !entry.sites.includes(site)) {
    throw new HttpError(403, 'forbidden', `this read token may not read site "${site}"; it reads ${entry.sites.map((s) => `"${s}"`).join(', ')}`);
  }
}

/** Throws 401 unless the request carries the admin token. */
export function requireAdmin(req: Request, config: CollectorConfig): void {
  const token = requireToken(req);
  if (!config.adminToken) throw new HttpError(403, 'forbidden', 'no adminToken is configured, so administrative calls are disabled');
  if (!sameSecret(token, config.adminToken)) throw new HttpError(401, 'unauthorized', 'the bearer token is not the admin token');
}

function requireToken(req: Request): string {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'unauthorized', 'send a token as "Authorization: Bearer <token>"');
  return token;
}
