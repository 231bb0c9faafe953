/**
 * Funnels: ad-hoc queries (read token) and saved funnels. Saving and deleting change what
 * everyone with a read token sees, and the collector has no read-write token, so they take the
 * admin token; listing and running saved funnels take a read token of the site.
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import type { SiteRuntime } from '../../config/site-registry.js';
import { DateOrDateTime, FunnelDefinition, FunnelQueryBody } from '../../storage/sqlite/analytics/funnels/funnel-definition.js';
import {
  deleteSavedFunnel, getSavedFunnel, listSavedFunnels, saveFunnel,
} from '../../storage/sqlite/analytics/funnels/saved-funnels.js';
import { resolveRange } from '../../time/zoned-time.js';
import type { AppDeps } from '../app-deps.js';
import { requireAdmin, requireRead } from '../auth.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';


const SiteId = z.string().min(1);
const FunnelId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and -');

/** Body of `POST /v1/funnels`. */
export const SaveFunnelBody = z
  .object({ site: SiteId, id: FunnelId.optional(), name: z.string().min(1).max(200), definition: FunnelDefinition })
  .strict()
  .meta({ title: 'SaveFunnel' });
/** Query of `GET /v1/funnels` and `DELETE /v1/funnels/:id`. */
export const SiteQuery = z.object({ site: SiteId }).strict();
/** Query of `GET /v1/funnels/:id/result`. */
export const SavedFunnelResultQuery = z.object({ site: SiteId, from: DateOrDateTime, to: DateOrDateTime }).strict();

/** The funnel routes. */
export function funnelRoutes(deps: AppDeps): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });
  router.post('/v1/funnels/query', json, async (req, res) => {
    authorizeBodySite(req, deps);
    const body = parseInput(FunnelQueryBody, req.body, 'body');
    const site = readableSite(req, deps, body.site, '');
    const { site: _s, from, to, ...definition } = body;
    void _s;
    res.json(await runFunnel(deps, site, from, to, '', definition));
  });
  router.post('/v1/funnels', json, (req, res) => {
    requireAdmin(req, deps.config);
    const body = parseInput(SaveFunnelBody, req.body, 'body');
    knownSite(deps, body.site, '');
    res.status(201).json(saveFunnel(deps.meta, body.site, body));
  });
  router.get('/v1/funnels', (req, res) => {
    const q = parseInput(SiteQuery, req.query, 'query');
    readableSite(req, deps, q.site, '/query');
    res.json({ site: q.site, items: listSavedFunnels(deps.meta, q.site) });
  });
  router.get('/v1/funnels/:id/result', async (req, res) => {
    const q = parseInput(SavedFunnelResultQuery, req.query, 'query');
    const site = readableSite(req, deps, q.site, '/query');
    const saved = getSavedFunnel(deps.meta, q.site, req.params.id);
    if (!saved) throw noFunnel(q.site, req.params.id);
    res.json({ id: saved.id, name: saved.name, ...(await runFunnel(deps, site, q.from, q.to, '/query', saved.definition)) });
  });
  router.delete('/v1/funnels/:id', (req, res) => {
    requireAdmin(req, deps.config);
    const q = parseInput(SiteQuery, req.query, 'query');
    if (!deleteSavedFunnel(deps.meta, q.site, req.params.id)) throw noFunnel(q.site, req.params.id);
    res.status(204).end();
  });
  return router;
}

async function runFunnel(deps: AppDeps, site: SiteRuntime, from: string, to: string, where: string, definition: FunnelDefinition) {
  const range = reportRange(from, to, site.config.timezone, where);
  const report = await deps.reports.funnel({ site: site.config.id, from: range.start, to: range.end, definition });
  return { site: site.config.id, from, to, range: range.echo, ...report };
}

/** A strange token learns nothing about a body it may not send: authorize on the site first. */
function authorizeBodySite(req: Request, deps: AppDeps): void {
  const site = (req.body as { site?: unknown } | undefined)?.site;
  if (typeof site === 'string' && site.length > 0) requireRead(req, deps.config, site);
}

function noFunnel(site: string, id: string): HttpError {
  return new HttpError(404, 'unknown_funnel', `site "${site}" has no saved funnel "${id}"`, [
    { path: '/id', message: 'unknown funnel', expected: 'an id from GET /v1/funnels?site=…' },
  ]);
}

/** Authorizes a read of `site` and returns it; `where` is `/query` or `` (the body). */
export function readableSite(req: Request, deps: AppDeps, site: string, where: string): SiteRuntime {
  // Authorize before looking the site up, so strangers cannot probe which sites exist.
  requireRead(req, deps.config, site);
  return knownSite(deps, site, where);
}

function knownSite(deps: AppDeps, site: string, where: string): SiteRuntime {
  const found = deps.sites.get(site);
  if (found) return found;
  throw new HttpError(404, 'unknown_site', `no site "${site}" is configured on this collector`, [
    { path: `${where}/site`, message: 'unknown site', expected: 'a site id from the collector config' },
  ]);
}

/** A range resolved in the site time zone: `[start, end)` in ms and its echo with ISO instants. */
export interface ReportRange {
  start: number;
  end: number;
  echo: { start: string; end: string; timezone: string };
}

/** Resolves `from`/`to` (see the summary route); 400 when the range is empty. */
export function reportRange(from: string, to: string, timezone: string, where: string): ReportRange {
  const { start, end } = resolveRange(from, to, timezone);
  if (end <= start) {
    throw new HttpError(400, where === '/query' ? 'invalid_query' : 'invalid_body', `the range is empty: "to" (${to}) must be after "from" (${from})`, [
      { path: `${where}/to`, message: 'must be after from', expected: `a date or instant after ${from}` },
    ]);
  }
  return { start, end, echo: { start: new Date(start).toISOString(), end: new Date(end).toISOString(), timezone } };
}
