import express, { Router } from 'express';
import type { QuarantineRecord } from '../../storage/store.js';
import { replayQuarantine } from '../../ingest/replay-quarantine.js';
import { DictionaryError } from '../../dictionary/load-site-dictionary.js';
import { QuarantineQuerySchema, ReplayBodySchema } from '../api-schemas.js';
import type { AppDeps } from '../app-deps.js';
import { requireAdmin, requireRead } from '../auth.js';
import { HttpError, issuesFrom } from '../http-error.js';
import { parseInput } from '../parse-query.js';

/** `GET /v1/quarantine` (read token) and `POST /v1/quarantine/replay` (admin token). */
export function quarantineRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/quarantine', async (req, res) => {
    const q = parseInput(QuarantineQuerySchema, req.query, 'query');
    if (q.site === undefined) requireAdmin(req, deps.config);
    else requireRead(req, deps.config, q.site);
    const rows = await deps.store.listQuarantine({ site: q.site ?? null, status: q.status, limit: q.limit });
    res.json({ items: rows.map(toItem) });
  });
  router.post('/v1/quarantine/replay', express.json({ limit: '16kb' }), async (req, res) => {
    requireAdmin(req, deps.config);
    const body = parseInput(ReplayBodySchema, req.body, 'body');
    if (!deps.sites.get(body.site)) throw new HttpError(404, 'unknown_site', `no site "${body.site}" is configured on this collector`);
    try {
      res.json(await replayQuarantine(deps.store, deps.sites, body.site, req.log ?? deps.logger));
    } catch (err) {
      if (!(err instanceof DictionaryError)) throw err;
      throw new HttpError(409, 'invalid_dictionary', `the dictionary file of site "${body.site}" is invalid, so nothing was replayed; fix it and retry`, issuesFrom(err.issues));
    }
  });
  return router;
}

function toItem(r: QuarantineRecord) {
  return {
    qid: r.qid,
    site: r.site,
    eventId: r.event_id,
    event: r.event,
    scope: r.scope,
    receivedAt: new Date(r.received_at).toISOString(),
    sentAt: r.sent_at,
    payload: parseOrText(r.payload),
    reasons: r.reasons,
    dictionaryVersion: r.dictionary_version,
    status: r.status,
    replayedAt: r.replayed_at === null ? null : new Date(r.replayed_at).toISOString(),
  };
}

function parseOrText(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}
