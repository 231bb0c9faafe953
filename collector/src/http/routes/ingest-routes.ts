/**
 * `POST /v1/batch` and `POST /v1/event`: read the body → parse JSON → check the envelope, site,
 * origin and write key → validate, enrich and store each event → answer after the commit.
 * An unreadable body or invalid envelope is answered 400 and kept in the quarantine.
 */
import express, { Router, type Request, type RequestHandler } from 'express';
import type { z } from 'zod';
import { Batch } from '../../dictionary/events.js';
import { LIMITS } from '../../dictionary/limits.js';
import { reasonsFromZod } from '../../dictionary/zod-reasons.js';
import type { Reason } from '../../dictionary/reason.js';
import type { SiteRuntime } from '../../config/site-registry.js';
import type { RequestMeta } from '../../storage/store.js';
import { ingestEvents } from '../../ingest/ingest-events.js';
import { anonymizeIp } from '../../ingest/enrich/ip.js';
import { redactPersonalText } from '../../ingest/enrich/identities.js';
import { SingleEventBody } from '../api-schemas.js';
import type { AppDeps } from '../app-deps.js';
import { sameSecret } from '../auth.js';
import { checkOrigin, ingestCors } from '../cors.js';
import { HttpError, issuesFrom } from '../http-error.js';
import { findTooDeep, MAX_JSON_DEPTH } from '../../security/json-depth.js';
import { siteRateLimit } from '../../security/rate-limits.js';

/** How much of an unreadable body the quarantine keeps. */
export const QUARANTINE_BODY_CAP = 64 * 1024;

/** The ingest routes. */
export function ingestRoutes(deps: AppDeps): Router {
  const router = Router();
  const cors = ingestCors(deps.sites);
  const body = readBody(deps);
  const siteLimit = siteRateLimit(deps.config);
  router.options('/v1/batch', cors);
  router.options('/v1/event', cors);
  router.post('/v1/batch', cors, body, async (req, res) => {
    const { envelope, site, ctx } = await admit(req, deps, Batch);
    await siteLimit(req, res, site.config.id);
    res.json(await ingestEvents(deps.store, envelope.batch, { ...ctx, site, sentAt: envelope.sentAt, dropped: envelope.dropped }, '/batch'));
  });
  router.post('/v1/event', cors, body, async (req, res) => {
    const { envelope, site, ctx } = await admit(req, deps, SingleEventBody);
    await siteLimit(req, res, site.config.id);
    res.json(await ingestEvents(deps.store, [envelope.event], { ...ctx, site, sentAt: envelope.sentAt ?? null }, '/event', true));
  });
  return router;
}

/** Reads any content type as text (sendBeacon sends text/plain); a body over the limit is 413 and recorded. */
function readBody(deps: AppDeps): RequestHandler {
  const text = express.text({ type: () => true, limit: LIMITS.bodyBytes });
  return (req, res, next) => {
    text(req, res, (err?: { type?: string; length?: number }) => {
      if (err?.type !== 'entity.too.large') return next(err);
      const reasons = [{ path: '', code: 'body_too_large', message: `body of ${err.length ?? 'unknown'} bytes exceeds the ${LIMITS.bodyBytes}-byte limit; not read` }];
      quarantineBody(deps, req, null, '', reasons).then(() => next(err), next);
    });
  };
}

async function admit<S extends z.ZodType<{ site: string; key?: string }>>(req: Request, deps: AppDeps, schema: S) {
  const receivedAt = Date.now();
  const text = typeof req.body === 'string' ? req.body : '';
  await rejectTooDeep(deps, req, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const message = text.trim() === '' ? 'the request body is empty' : `the request body is not JSON: ${(err as Error).message}`;
    const reasons = [{ path: '', code: 'invalid_json', message, expected: 'a JSON object' }];
    await quarantineBody(deps, req, null, text, reasons);
    throw new HttpError(400, 'invalid_json', message, issuesFrom(reasons));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const reasons = reasonsFromZod(parsed.error);
    await quarantineBody(deps, req, readableSite(json, deps), text, reasons);
    throw new HttpError(400, 'invalid_envelope', `the request envelope is invalid: ${reasons.map((r) => `${r.path} ${r.message}`).join('; ')}`, issuesFrom(reasons));
  }
  const envelope = parsed.data as z.infer<S>;
  const site = authorize(req, deps, envelope);
  return { envelope, site, ctx: { receivedAt, request: requestMeta(req, deps), logger: req.log ?? deps.logger } };
}

/** 400 for a body nested deeper than the wire format allows, before anything walks it. */
async function rejectTooDeep(deps: AppDeps, req: Request, text: string): Promise<void> {
  const at = findTooDeep(text);
  if (at === null) return;
  const message = `the request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep (at character ${at}); events are flat`;
  const reasons = [{ path: '', code: 'too_deep', message, expected: `at most ${MAX_JSON_DEPTH} levels of nesting` }];
  await quarantineBody(deps, req, null, text, reasons);
  throw new HttpError(400, 'too_deep', message, issuesFrom(reasons));
}

function authorize(req: Request, deps: AppDeps, envelope: { site: string; key?: string }): SiteRuntime {
  const site = deps.sites.get(envelope.site);
  if (!site) {
    throw new HttpError(404, 'unknown_site', `no site "${envelope.site}" is configured on this collector`, [{ path: '/site', message: 'unknown site', expected: 'a site id from the collector config' }]);
  }
  checkOrigin(site, req.get('origin'));
  const keys = site.config.writeKeys;
  if (keys.length > 0 && !keys.some((k) => envelope.key !== undefined && sameSecret(k, envelope.key))) {
    const message = envelope.key === undefined ? `site "${site.config.id}" requires a write key in "key"` : `the write key is not valid for site "${site.config.id}"`;
    throw new HttpError(401, 'invalid_write_key', message, [{ path: '/key', message }]);
  }
  return site;
}

function requestMeta(req: Request, deps: AppDeps): RequestMeta {
  return { userAgent: req.get('user-agent') ?? null, ip: anonymizeIp(req.ip, deps.config.ip.anonymize) };
}

/** The site named by an invalid envelope, when it is a configured one. */
function readableSite(json: unknown, deps: AppDeps): string | null {
  const site = typeof json === 'object' && json !== null ? (json as { site?: unknown }).site : undefined;
  return typeof site === 'string' && deps.sites.get(site) ? site : null;
}

async function quarantineBody(deps: AppDeps, req: Request, site: string | null, text: string, reasons: Reason[]): Promise<void> {
  await deps.store.ingest([], [{
    site,
    event_id: null,
    event: null,
    received_at: Date.now(),
    sent_at: null,
    // Unparseable text cannot be hashed field by field, so personal data in it is removed.
    payload: redactPersonalText(text.slice(0, QUARANTINE_BODY_CAP)),
    reasons,
    dictionary_version: site ? (deps.sites.get(site)?.dictionary.version ?? null) : null,
    request: requestMeta(req, deps),
    scope: 'body',
  }]);
}
