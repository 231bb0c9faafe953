import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { CollectorConfig } from '../config/config-schema.js';
import { HttpError } from './http-error.js';
import { tokenMatches } from '../security/token-hash.js';

/** The bearer token of a request, or null. */
export function bearerToken(req: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return m ? m[1] : null;
}

/**
 * Compares secrets in constant time, so response timing does not leak how much matched. An
 * absent `b` (a hashed config entry has no plain token) never matches.
 */
export function sameSecret(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Throws 401/403 unless the request carries a read token for `site` (the admin token reads all). */
export function requireRead(req: Request, config: CollectorConfig, site: string): void {
  const token = requireToken(req);
  if (isAdminToken(config, token)) return;
  const entry = config.readTokens.find((t) => tokenMatches(token, t));
  if (!entry) throw new HttpError(401, 'unauthorized', 'the bearer token is not a read token of this collector');
  if (entry.sites !== '*' && !entry.sites.includes(site)) {
    throw new HttpError(403, 'forbidden', `this read token may not read site "${site}"; it reads ${entry.sites.map((s) => `"${s}"`).join(', ')}`);
  }
}

/** Throws 401 unless the request carries the admin token. */
export function requireAdmin(req: Request, config: CollectorConfig): void {
  const token = requireToken(req);
  if (!config.adminToken && config.adminTokens.length === 0) throw new HttpError(403, 'forbidden', 'no adminToken is configured, so administrative calls are disabled');
  if (!isAdminToken(config, token)) throw new HttpError(401, 'unauthorized', 'the bearer token is not the admin token');
}

/** True when `token` is the adminToken or one of adminTokens (plain or hashed). */
export function isAdminToken(config: CollectorConfig, token: string): boolean {
  const secrets = config.adminToken !== undefined ? [{ token: config.adminToken }, ...config.adminTokens] : config.adminTokens;
  // Every entry is checked, so the time taken does not tell which one matched.
  return secrets.reduce((hit, s) => tokenMatches(token, s) || hit, false);
}

function requireToken(req: Request): string {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'unauthorized', 'send a token as "Authorization: Bearer <token>"');
  return token;
}
