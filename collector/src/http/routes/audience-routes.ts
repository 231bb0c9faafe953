/**
 * Audiences (人群): preview, save, refresh, members, overlap, lift; activation by CSV export and
 * signed webhook push; consent statements. Writes and exports take the admin token (an export
 * carries identities), reads a read token of the site.
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { audienceLift } from '../../audiences/audience-lift.js';
import type { Expression } from '../../audiences/audience-expression.js';
import { PreviewAudienceBody, SaveAudienceBody, type AudienceDefinition } from '../../audiences/audience-schema.js';
import { recordConsent } from '../../audiences/consent.js';
import { exportCsv, exportRows, markDelivered } from '../../audiences/export-rows.js';
import { pushAudience } from '../../audiences/push-audience.js';
import { refreshAudience } from '../../audiences/refresh-audience.js';
import { DefinitionId } from '../../audiences/tag-schema.js';
import { unknownTagIssues } from '../../audiences/tag-references.js';
import {
  audienceMemberCount, audienceMembers, audienceOverlap, audienceSizes, deleteAudience, getAudience, listAudiences, saveAudience, type StoredAudience,
} from '../../storage/sqlite/analytics/audiences/audience-store.js';
import { DateOrDateTime } from '../../storage/sqlite/analytics/funnels/funnel-definition.js';
import type { AudienceData } from '../../audiences/audience-engine.js';
import type { AppDeps } from '../app-deps.js';
import { requireAdmin } from '../auth.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';
import { readableSite, reportRange } from './funnel-routes.js';

/** Query naming the site. */
export const AudienceSiteQuery = z.object({ site: z.string().min(1) }).strict();
/** Query of `GET /v1/audiences/overlap`. */
export const OverlapQuery = z.object({ site: z.string().min(1), a: DefinitionId, b: DefinitionId }).strict();
/** Query of `GET /v1/audiences/:id/members`. */
export const MembersQuery = z.object({
  site: z.string().min(1),
  current: z.enum(['true', 'false']).default('true').meta({ description: 'true: current members only; false: every spell, past ones too' }),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
}).strict();
/** Query of `GET /v1/audiences/:id/lift`. */
export const LiftQuery = z.object({
  site: z.string().min(1), from: DateOrDateTime, to: DateOrDateTime,
  goal: z.string().min(1).max(64).optional().meta({ description: 'Only conversions of this goal (default any)' }),
}).strict();
/** Body of `POST /v1/persons/:id/consent`. */
export const ConsentBody = z.object({
  site: z.string().min(1),
  granted: z.boolean().meta({ description: 'true: consents to marketing; false: opted out or withdrew' }),
  ts: z.number().int().nonnegative().optional().meta({ description: 'When the person said so (epoch ms; default now)' }),
  source: z.string().max(200).optional().meta({ description: 'Where it was said, e.g. preference-center' }),
}).strict().meta({ title: 'Consent' });

/** The audience routes: definitions and spells in the metadata database, selections on the engine. */
export function audienceRoutes(deps: AppDeps): Router {
  const router = Router();
  const db = deps.meta;
  const data: AudienceData = { meta: db, engine: deps.audiences };
  const json = express.json({ limit: '64kb' });
  router.post('/v1/audiences/preview', json, async (req, res) => {
    const body = parseInput(PreviewAudienceBody, req.body, 'body');
    readableSite(req, deps, body.site, '');
    requireKnownTags(deps, body.site, body.expression);
    const persons = await deps.audiences.selectAudience(body.site, body.expression, Date.now());
    res.json({ site: body.site, size: persons.length, sample: persons.slice(0, 20) });
  });
  router.post('/v1/audiences', json, async (req, res) => {
    requireAdmin(req, deps.config);
    const { site, id, ...def } = parseInput(SaveAudienceBody, req.body, 'body');
    const s = readableSite(req, deps, site, '');
    requireKnownTags(deps, site, def.expression);
    saveAudience(deps.meta, site, id, def);
    const saved = getAudience(deps.meta, site, id)!;
    res.status(201).json({ ...publicAudience(saved), refresh: await refreshAudience(data, site, saved, { timeZone: s.config.timezone }) });
  });
  router.get('/v1/audiences', (req, res) => {
    const { site } = parseInput(AudienceSiteQuery, req.query, 'query');
    readableSite(req, deps, site, '/query');
    res.json({ site, items: listAudiences(deps.meta, site).map(publicAudience) });
  });
  router.get('/v1/audiences/overlap', (req, res) => {
    const q = parseInput(OverlapQuery, req.query, 'query');
    readableSite(req, deps, q.site, '/query');
    for (const id of [q.a, q.b]) audienceOf(deps, q.site, id);
    res.json({ site: q.site, audiences: { a: q.a, b: q.b }, ...audienceOverlap(deps.meta, q.site, q.a, q.b) });
  });
  router.get('/v1/audiences/:id', (req, res) => {
    const audience = readAudience(req, deps);
    res.json({ ...publicAudience(audience), sizes: audienceSizes(deps.meta, String(req.query.site), audience.id) });
  });
  router.delete('/v1/audiences/:id', (req, res) => {
    requireAdmin(req, deps.config);
    const { site } = parseInput(AudienceSiteQuery, req.query, 'query');
    if (!deleteAudience(deps.meta, site, req.params.id)) throw noAudience(site, req.params.id);
    res.status(204).end();
  });
  router.post('/v1/audiences/:id/refresh', async (req, res) => {
    requireAdmin(req, deps.config);
    const audience = readAudience(req, deps);
    const site = readableSite(req, deps, String(req.query.site), '/query');
    res.json(await refreshAudience(data, site.config.id, audience, { timeZone: site.config.timezone }));
  });
  router.get('/v1/audiences/:id/members', (req, res) => {
    const q = parseInput(MembersQuery, req.query, 'query');
    readableSite(req, deps, q.site, '/query');
    const audience = audienceOf(deps, q.site, req.params.id);
    const current = q.current === 'true';
    res.json({
      site: q.site, id: audience.id, offset: q.offset, limit: q.limit, total: audienceMemberCount(deps.meta, q.site, audience.id, current),
      items: audienceMembers(deps.meta, q.site, audience.id, { current, offset: q.offset, limit: q.limit }),
    });
  });
  router.get('/v1/audiences/:id/lift', async (req, res) => {
    const q = parseInput(LiftQuery, req.query, 'query');
    const site = readableSite(req, deps, q.site, '/query');
    const audience = audienceOf(deps, q.site, req.params.id);
    const range = reportRange(q.from, q.to, site.config.timezone, '/query');
    res.json({ site: q.site, id: audience.id, from: q.from, to: q.to, range: range.echo, goal: q.goal ?? null, ...(await audienceLift(data, q.site, audience, range.start, range.end, q.goal)) });
  });
  router.get('/v1/audiences/:id/export.csv', async (req, res) => {
    requireAdmin(req, deps.config);
    const audience = readAudience(req, deps);
    const site = String(req.query.site);
    const now = Date.now();
    const rows = await exportRows(data, site, audience);
    db.transaction(() => markDelivered(db, site, audience.id, rows.map((r) => r.personId), now))();
    res.type('text/csv; charset=utf-8').attachment(`${audience.id}.csv`).send(exportCsv(rows, audience.definition.activation.identities));
  });
  router.post('/v1/audiences/:id/push', async (req, res) => {
    requireAdmin(req, deps.config);
    const audience = readAudience(req, deps);
    if (!audience.definition.activation.webhook) throw new HttpError(409, 'no_webhook', `audience "${audience.id}" has no webhook; set activation.webhook to push`, [{ path: '/activation/webhook', message: 'missing', expected: '{ url, secret }' }]);
    const result = await pushAudience(data, String(req.query.site), audience);
    res.status(result.status === 'failed' ? 502 : 200).json(result);
  });
  router.post('/v1/persons/:id/consent', json, async (req, res) => {
    requireAdmin(req, deps.config);
    const body = parseInput(ConsentBody, req.body, 'body');
    readableSite(req, deps, body.site, '');
    res.json(await recordConsent(data, body.site, req.params.id, body));
  });
  return router;
}

/** The audience named by the path, after a read authorization of `?site=`. */
function readAudience(req: Request, deps: AppDeps): StoredAudience {
  const { site } = parseInput(AudienceSiteQuery, req.query, 'query');
  readableSite(req, deps, site, '/query');
  return audienceOf(deps, site, String(req.params.id));
}

/** 400 when the expression names a tag the site does not have, at the condition's pointer. */
function requireKnownTags(deps: AppDeps, site: string, expression: Expression): void {
  const issues = unknownTagIssues(deps.meta, site, expression);
  if (issues.length > 0) throw new HttpError(400, 'unknown_tag', `the expression names tags site "${site}" does not have: ${issues.map((i) => i.path).join(', ')}`, issues);
}

function audienceOf(deps: AppDeps, site: string, id: string): StoredAudience {
  const audience = getAudience(deps.meta, site, id);
  if (!audience) throw noAudience(site, id);
  return audience;
}

/** The audience as answered: the webhook secret never leaves the collector. */
function publicAudience(a: StoredAudience) {
  const def: AudienceDefinition = a.definition;
  const webhook = def.activation.webhook ? { url: def.activation.webhook.url, secret: '(set)' } : undefined;
  return { ...a, definition: { ...def, activation: { ...def.activation, webhook } } };
}

function noAudience(site: string, id: string): HttpError {
  return new HttpError(404, 'unknown_audience', `site "${site}" has no audience "${id}"`, [{ path: '/id', message: 'unknown audience', expected: 'an id from GET /v1/audiences?site=…' }]);
}
