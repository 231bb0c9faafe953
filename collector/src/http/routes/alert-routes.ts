/**
 * The alert API: rules (admin token writes, read tokens read), preview, incidents with their
 * acknowledgement and resolution, and the lifecycle history. See docs/alerts.md.
 */
import express, { Router, type Request } from 'express';
import { nanoid } from 'nanoid';
import { alertRuleSchema, type AlertRule } from '../../alerts/alert-rule.js';
import { EvaluationQuery, EventQuery, IncidentActionBody, IncidentQuery, PreviewBody, SiteQuery, ruleJson } from '../../alerts/api/alert-api-schemas.js';
import { acknowledge, IncidentActionError, resolve } from '../../alerts/incident-actions.js';
import { alertableMetrics, alertMetricDefinition, isAlertableMetric } from '../../alerts/metrics/engine-metric-source.js';
import { previewRule } from '../../alerts/preview-rule.js';
import { rulesChanged } from '../../alerts/schedule/alert-scheduler.js';
import { getEvent, listEvaluations, listEvents, listIncidents } from '../../storage/sqlite/alerts/alert-history-store.js';
import { listDeliveries } from '../../storage/sqlite/alerts/alert-outbox-store.js';
import { deleteRule, getRule, getRuleState, insertRule, listRules, updateRule } from '../../storage/sqlite/alerts/alert-rules-store.js';
import type { AppDeps } from '../app-deps.js';
import { bearerToken, isAdminToken, requireAdmin, requireRead } from '../auth.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';

const RuleSchema = alertRuleSchema(isAlertableMetric, alertableMetrics);
const json = express.json({ limit: '64kb' });

/**
 * Router of `/v1/alerts*`, on either engine: rules and their history live in the metadata
 * database (`deps.meta`), the figures come from the engine's reports.
 */
export function alertRoutes(deps: AppDeps): Router {
  const router = Router();
  const db = deps.meta;
  const isAdmin = (req: Request) => {
    const token = bearerToken(req);
    return !!token && isAdminToken(deps.config, token);
  };
  /** Validates a rule body and completes it (site known, time zone from the site). */
  const parseRule = (body: unknown, path = ''): Omit<AlertRule, 'id' | 'createdAt' | 'updatedAt'> => {
    const def = parseInput(RuleSchema, body, 'body');
    const site = deps.sites.get(def.site);
    if (!site) throw new HttpError(404, 'unknown_site', `no site "${def.site}" is configured on this collector`, [{ path: `${path}/site`, message: 'unknown site', expected: 'a site id from the collector config' }]);
    return { ...def, timezone: def.timezone ?? site.config.timezone } as Omit<AlertRule, 'id' | 'createdAt' | 'updatedAt'>;
  };
  const ruleOr404 = (id: string) => {
    const rule = getRule(db, id);
    if (!rule) throw new HttpError(404, 'unknown_rule', `no alert rule "${id}"`);
    return rule;
  };

  router.get('/v1/alerts/metrics', (_req, res) => {
    res.json({ metrics: alertableMetrics().map((id) => ({ id, ...pick(alertMetricDefinition(id)!) })) });
  });

  router.post('/v1/alerts/rules', json, (req, res) => {
    requireAdmin(req, deps.config);
    const now = Date.now();
    const rule: AlertRule = { ...parseRule(req.body), id: nanoid(12), createdAt: now, updatedAt: now };
    insertRule(db, rule);
    rulesChanged(db);
    res.status(201).json(ruleJson(rule, true));
  });

  router.get('/v1/alerts/rules', (req, res) => {
    const q = parseInput(SiteQuery, req.query, 'query');
    requireRead(req, deps.config, q.site);
    res.json({ rules: listRules(db, q.site).map((r) => ({ ...ruleJson(r, isAdmin(req)), state: getRuleState(db, r.id) })) });
  });

  router.get('/v1/alerts/rules/:id', (req, res) => {
    const rule = ruleOr404(req.params.id);
    requireRead(req, deps.config, rule.site);
    res.json({ ...ruleJson(rule, isAdmin(req)), state: getRuleState(db, rule.id) });
  });

  router.put('/v1/alerts/rules/:id', json, (req, res) => {
    requireAdmin(req, deps.config);
    const old = ruleOr404(req.params.id);
    const rule: AlertRule = { ...parseRule(req.body), id: old.id, createdAt: old.createdAt, updatedAt: Math.max(Date.now(), old.updatedAt + 1) };
    if (rule.site !== old.site) throw new HttpError(400, 'invalid_body', 'a rule cannot move to another site', [{ path: '/site', message: 'differs from the stored rule', expected: JSON.stringify(old.site) }]);
    updateRule(db, rule);
    rulesChanged(db);
    res.json(ruleJson(rule, true));
  });

  router.delete('/v1/alerts/rules/:id', (req, res) => {
    requireAdmin(req, deps.config);
    ruleOr404(req.params.id);
    deleteRule(db, req.params.id);
    rulesChanged(db);
    res.status(204).end();
  });

  router.get('/v1/alerts/rules/:id/evaluations', (req, res) => {
    const rule = ruleOr404(req.params.id);
    requireRead(req, deps.config, rule.site);
    const q = parseInput(EvaluationQuery, req.query, 'query');
    const from = q.from ? Date.parse(q.from) : 0;
    const to = q.to ? Date.parse(q.to) : Number.MAX_SAFE_INTEGER;
    res.json({ evaluations: listEvaluations(db, rule.id, from, to, q.limit).map((e) => ({ ...e, slot: iso(e.slot), evaluatedAt: iso(e.evaluatedAt) })) });
  });

  router.post('/v1/alerts/preview', json, async (req, res) => {
    const body = parseInput(PreviewBody, req.body, 'body');
    const site = (body.rule as { site?: unknown } | null)?.site;
    requireRead(req, deps.config, typeof site === 'string' ? site : '');
    const now = Date.now();
    const def = parseRule(body.rule, '/rule');
    const until = body.until ? Date.parse(body.until) : now;
    res.json(await previewRule({ meta: db, reports: deps.reports }, { ...def, id: 'preview', createdAt: now, updatedAt: now }, until, body.days));
  });

  router.get('/v1/alerts/events', (req, res) => {
    const q = parseInput(EventQuery, req.query, 'query');
    requireRead(req, deps.config, q.site);
    const events = listEvents(db, {
      site: q.site, ruleId: q.rule ?? null, from: q.from ? Date.parse(q.from) : 0, to: q.to ? Date.parse(q.to) : Number.MAX_SAFE_INTEGER, limit: q.limit,
    });
    res.json({ events: events.map((e) => ({ ...e, at: iso(e.at) })) });
  });

  router.get('/v1/alerts/events/:seq/deliveries', (req, res) => {
    const seq = Number(req.params.seq);
    const event = Number.isSafeInteger(seq) ? getEvent(db, seq) : undefined;
    if (!event) throw new HttpError(404, 'unknown_event', `no alert event "${req.params.seq}"`);
    requireRead(req, deps.config, event.site);
    res.json({ deliveries: listDeliveries(db, seq).map((d) => ({ ...d, at: iso(d.at) })) });
  });

  router.get('/v1/alerts', (req, res) => {
    const q = parseInput(IncidentQuery, req.query, 'query');
    requireRead(req, deps.config, q.site);
    res.json({ incidents: listIncidents(db, { site: q.site, ruleId: q.rule ?? null, status: q.status ?? null, limit: q.limit }).map(incidentJson) });
  });

  router.post('/v1/alerts/:id/ack', json, (req, res) => incidentAction(req, res, acknowledge));
  router.post('/v1/alerts/:id/resolve', json, (req, res) => incidentAction(req, res, resolve));

  function incidentAction(req: Request, res: express.Response, action: typeof acknowledge): void {
    requireAdmin(req, deps.config);
    const body = parseInput(IncidentActionBody, req.body, 'body');
    try {
      res.json(incidentJson(action(db, String(req.params.id), body.owner, body.note ?? null, Date.now())));
    } catch (err) {
      if (!(err instanceof IncidentActionError)) throw err;
      throw new HttpError(err.code === 'not_found' ? 404 : 409, err.code === 'not_found' ? 'unknown_incident' : 'conflict', err.message);
    }
  }
  return router;
}

function incidentJson(i: ReturnType<typeof listIncidents>[number]) {
  return {
    id: i.id, ruleId: i.rule_id, site: i.site, status: i.status, firedAt: iso(i.fired_at), value: i.value,
    acknowledged: i.acknowledged_at === null ? null : { at: iso(i.acknowledged_at), owner: i.acknowledged_by, note: i.acknowledge_note },
    resolved: i.resolved_at === null ? null : { at: iso(i.resolved_at), owner: i.resolved_by, note: i.resolve_note },
  };
}

function pick(m: { name: unknown; unit: unknown; direction: unknown; description: unknown }) {
  return { name: m.name, unit: m.unit, direction: m.direction, description: m.description };
}

const iso = (ms: number) => new Date(ms).toISOString();
