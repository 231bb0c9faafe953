import { Router } from 'express';
import { z } from 'zod';
import { DateOrDateTime } from '../../storage/sqlite/analytics/funnels/funnel-definition.js';
import type { AppDeps } from '../app-deps.js';
import { parseInput } from '../parse-query.js';
import { readableSite, reportRange } from './funnel-routes.js';

/** Query of `GET /v1/reports/aipl`. */
export const AiplQuerySchema = z
  .object({
    site: z.string().min(1),
    from: DateOrDateTime.meta({ description: 'Start: a day (inclusive) or an instant (inclusive)' }),
    to: DateOrDateTime.meta({ description: 'End: a day (inclusive) or an instant (exclusive)' }),
  })
  .strict();

/** `GET /v1/reports/aipl` (read token): active persons by their highest AIPL stage. */
export function aiplRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/reports/aipl', async (req, res) => {
    const q = parseInput(AiplQuerySchema, req.query, 'query');
    const site = readableSite(req, deps, q.site, '/query');
    const timeZone = site.config.timezone;
    const range = reportRange(q.from, q.to, timeZone, '/query');
    const report = await deps.reports.aipl({ site: q.site, from: range.start, to: range.end, timeZone, rules: site.config.aipl });
    res.json({ site: q.site, from: q.from, to: q.to, range: range.echo, ...report });
  });
  return router;
}
