/**
 * Attribution (read token of the site): `GET /v1/attribution` credits the counted conversions of
 * a range to channels, `source / medium` or campaigns with one model; `/compare` runs every
 * model on the same paths.
 */
import { Router } from 'express';
import { z } from 'zod';
import { MODEL_IDS, type ModelId } from '../../analytics/attribution/index.js';
import { DateOrDateTime } from '../../storage/sqlite/analytics/funnels/funnel-definition.js';
import type { AppDeps } from '../app-deps.js';
import { parseInput } from '../parse-query.js';
import { echo, openReport } from './report-routes.js';

const Common = {
  site: z.string().min(1),
  from: DateOrDateTime.meta({ description: 'Conversions from: a day (inclusive) or an instant (inclusive)' }),
  to: DateOrDateTime.meta({ description: 'Conversions until: a day (inclusive) or an instant (exclusive)' }),
  by: z.enum(['channel', 'source_medium', 'campaign']).default('channel').meta({ description: 'What touches are credited to' }),
  lookback_days: z.coerce.number().int().min(1).max(365).default(30).meta({ description: 'Sessions that started up to this many days before a conversion are its touches' }),
  half_life_days: z.coerce.number().positive().max(365).default(7).meta({ description: 'Half-life of the time_decay model, days' }),
};

/** Query of `GET /v1/attribution/compare`. */
export const AttributionCompareQuery = z.object(Common).strict();
/** Query of `GET /v1/attribution`. */
export const AttributionQuery = z
  .object({ ...Common, model: z.enum(MODEL_IDS as [ModelId, ...ModelId[]]).default('last_non_direct') })
  .strict();

/** The attribution routes. */
export function attributionRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/attribution', async (req, res) => {
    const q = parseInput(AttributionQuery, req.query, 'query');
    const { site, range } = openReport(req, deps, q);
    const report = await deps.reports.attribution({
      site: q.site, from: range.start, to: range.end, by: q.by, model: q.model, lookbackDays: q.lookback_days, halfLifeDays: q.half_life_days,
    });
    res.json({ ...echo(site, q, range), by: q.by, lookbackDays: q.lookback_days, halfLifeDays: q.half_life_days, ...report });
  });
  router.get('/v1/attribution/compare', async (req, res) => {
    const q = parseInput(AttributionCompareQuery, req.query, 'query');
    const { site, range } = openReport(req, deps, q);
    const comparison = await deps.reports.attributionComparison({
      site: q.site, from: range.start, to: range.end, by: q.by, lookbackDays: q.lookback_days, halfLifeDays: q.half_life_days,
    });
    res.json({ ...echo(site, q, range), by: q.by, lookbackDays: q.lookback_days, halfLifeDays: q.half_life_days, ...comparison });
  });
  return router;
}
