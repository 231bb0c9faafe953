/**
 * The marketer dashboard: its static files under `/dashboard` (built into dist/dashboard by
 * `collector/dashboard/rollup.dashboard.mjs`), and the two small reads it needs beyond the report
 * routes: the sites a token may read (`GET /v1/sites`) and a live event count
 * (`GET /v1/stats/live`). The dashboard itself reads only the public API with the user's token.
 */
import express, { Router, type Response } from 'express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { bearerToken, isAdminToken, requireRead } from '../auth.js';
import { tokenMatches } from '../../security/token-hash.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';

/** Where the dashboard build lands. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../../../dist/dashboard/', import.meta.url));

/**
 * Only the dashboard's own files may run or load: no inline scripts or styles (ECharts styles its
 * tooltip through the CSSOM, which CSP allows), no framing, API calls to this origin only.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export const LiveQuery = z
  .object({
    site: z.string().min(1),
    seconds: z.coerce.number().int().min(10).max(3600).default(300).meta({ description: 'Window length in seconds (default 5 minutes)' }),
  })
  .strict();

/** Static dashboard, `GET /v1/sites` and `GET /v1/stats/live`. */
export function dashboardRoutes(deps: AppDeps, dir: string = DASHBOARD_DIR): Router {
  const router = Router();
  router.get('/v1/sites', (req, res) => {
    res.json({ sites: readableSites(deps, bearerToken(req)) });
  });
  router.get('/v1/stats/live', async (req, res) => {
    const q = parseInput(LiveQuery, req.query, 'query');
    requireRead(req, deps.config, q.site);
    if (!deps.sites.get(q.site)) throw new HttpError(404, 'unknown_site', `no site "${q.site}" is configured on this collector`);
    const now = Date.now();
    const since = now - q.seconds * 1000;
    res.json({ site: q.site, since: new Date(since).toISOString(), now: new Date(now).toISOString(), seconds: q.seconds, ...(await deps.reports.liveCount(q.site, since)) });
  });
  router.use('/dashboard', securityHeaders, dashboardFiles(dir));
  return router;
}

/** Sites the token may read, with what the set-up page fills into its snippets. */
function readableSites(deps: AppDeps, token: string | null) {
  if (!token) throw new HttpError(401, 'unauthorized', 'send a token as "Authorization: Bearer <token>"');
  const admin = isAdminToken(deps.config, token);
  const entry = admin ? null : deps.config.readTokens.find((t) => tokenMatches(token, t));
  if (!admin && !entry) throw new HttpError(401, 'unauthorized', 'the bearer token is not a read token of this collector');
  const allowed = (id: string) => admin || entry!.sites === '*' || entry!.sites.includes(id);
  // Write keys are public by design (they sit in every tracked page), so readers may see one.
  return deps.sites.all().filter((s) => allowed(s.config.id)).map(({ config: c, dictionary }) => ({
    id: c.id, name: c.name, timezone: c.timezone, hosts: c.hosts, writeKey: c.writeKeys[0] ?? null,
    dictionaryVersion: dictionary.version, admin,
  }));
}

const securityHeaders: express.RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
};

/**
 * Built assets are served as files (hashed chunks cached for a year); every other path under
 * /dashboard is a page of the single-page app and gets index.html, so deep links work.
 */
function dashboardFiles(dir: string): Router {
  const files = Router();
  files.use('/assets', express.static(`${dir}assets`, {
    index: false, fallthrough: false,
    setHeaders: (res, path) => setCache(res, /-[A-Za-z0-9_-]{8}\.js$/.test(path)),
  }));
  files.get('/{*page}', (_req, res) => {
    const index = `${dir}index.html`;
    if (!existsSync(index)) {
      throw new HttpError(404, 'dashboard_not_built', 'the dashboard is not built (dist/dashboard/index.html is missing); run "npm run build" and restart the collector');
    }
    setCache(res, false);
    res.sendFile(index, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  });
  return files;
}

function setCache(res: Response, immutable: boolean): void {
  res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
}
