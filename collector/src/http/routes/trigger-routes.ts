/**
 * Real-time marketing triggers: save, list, delete (admin token to write), run now (admin) and
 * read firings (read token). The scheduler runs every trigger each minute (audience-jobs.ts).
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { runTriggers } from '../../audiences/run-triggers.js';
import { DefinitionId } from '../../audiences/tag-schema.js';
import { SaveTriggerBody, type TriggerDefinition } from '../../audiences/trigger-schema.js';
import { deleteTrigger, getTrigger, listTriggers, saveTrigger, triggerFirings, type StoredTrigger } from '../../storage/sqlite/analytics/audiences/trigger-store.js';
import type { AppDeps } from '../app-deps.js';
import { requireAdmin } from '../auth.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';
import { readableSite } from './funnel-routes.js';

/** Query naming the site. */
export const TriggerSiteQuery = z.object({ site: z.string().min(1) }).strict();
/** Body of `POST /v1/triggers/run`. */
export const RunTriggersBody = z.object({
  site: z.string().min(1),
  triggers: z.array(DefinitionId).min(1).max(100).optional().meta({ description: 'Only these triggers (default all enabled ones)' }),
}).strict().meta({ title: 'RunTriggers' });

/** The trigger routes. */
export function triggerRoutes(deps: AppDeps): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });
  router.post('/v1/triggers/run', json, async (req, res) => {
    requireAdmin(req, deps.config);
    const body = parseInput(RunTriggersBody, req.body, 'body');
    readableSite(req, deps, body.site, '');
    res.json({ site: body.site, triggers: await runTriggers({ meta: deps.meta, engine: deps.audiences }, body.site, Date.now(), body.triggers) });
  });
  router.post('/v1/triggers', json, (req, res) => {
    requireAdmin(req, deps.config);
    const { site, id, ...def } = parseInput(SaveTriggerBody, req.body, 'body');
    readableSite(req, deps, site, '');
    saveTrigger(deps.meta, site, id, def);
    res.status(201).json(publicTrigger(getTrigger(deps.meta, site, id)!));
  });
  router.get('/v1/triggers', (req, res) => {
    const { site } = parseInput(TriggerSiteQuery, req.query, 'query');
    readableSite(req, deps, site, '/query');
    res.json({ site, items: listTriggers(deps.meta, site).map(publicTrigger) });
  });
  router.delete('/v1/triggers/:id', (req, res) => {
    requireAdmin(req, deps.config);
    const { site } = parseInput(TriggerSiteQuery, req.query, 'query');
    if (!deleteTrigger(deps.meta, site, req.params.id)) throw noTrigger(site, req.params.id);
    res.status(204).end();
  });
  router.get('/v1/triggers/:id/firings', (req, res) => {
    const { site } = parseInput(TriggerSiteQuery, req.query, 'query');
    readableSite(req, deps, site, '/query');
    if (!getTrigger(deps.meta, site, req.params.id)) throw noTrigger(site, req.params.id);
    res.json({ site, id: req.params.id, items: triggerFirings(deps.meta, site, req.params.id) });
  });
  return router;
}

/** The trigger as answered: the webhook secret never leaves the collector. */
function publicTrigger(t: StoredTrigger) {
  const def: TriggerDefinition = t.definition;
  return { id: t.id, definition: { ...def, webhook: { url: def.webhook.url, secret: '(set)' } }, createdAt: new Date(t.createdAt).toISOString(), updatedAt: new Date(t.updatedAt).toISOString() };
}

function noTrigger(site: string, id: string): HttpError {
  return new HttpError(404, 'unknown_trigger', `site "${site}" has no trigger "${id}"`, [{ path: '/id', message: 'unknown trigger', expected: 'an id from GET /v1/triggers?site=…' }]);
}
