import { Router } from 'express';
import { z } from 'zod';
import { RFM_SEGMENT_RULES } from '../../analytics/rfm/rfm-segments.js';
import { nextDay, startOfZonedDay } from '../../time/zoned-time.js';
import type { AppDeps } from '../app-deps.js';
import { parseInput } from '../parse-query.js';
import { readableSite } from './funnel-routes.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Query of `GET /v1/reports/rfm`. */
export const RfmQuerySchema = z
  .object({
    site: z.string().min(1),
    as_of: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional()
      .meta({ description: 'Reference time: a day (its end, in the site time zone) or an instant; default now' }),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY').optional()
      .meta({ description: 'Currency of the monetary score; default the one with the most conversions' }),
    segment: z.enum(RFM_SEGMENT_RULES.map((s) => s.id) as [string, ...string[]]).optional()
      .meta({ description: 'List only the persons of this segment' }),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

/** `GET /v1/reports/rfm` (read token): recency, frequency and monetary scores of converting persons. */
export function rfmRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/reports/rfm', async (req, res) => {
    const q = parseInput(RfmQuerySchema, req.query, 'query');
    const site = readableSite(req, deps, q.site, '/query');
    const timezone = site.config.timezone;
    // A day means "as of the end of that day": its conversions count.
    const asOf = q.as_of === undefined ? Date.now() : DATE_ONLY.test(q.as_of) ? startOfZonedDay(nextDay(q.as_of), timezone) : Date.parse(q.as_of);
    const report = await deps.reports.rfm({ site: q.site, asOf, currency: q.currency, segment: q.segment as never, offset: q.offset, limit: q.limit });
    res.json({ site: q.site, asOf: new Date(asOf).toISOString(), timezone, ...report });
  });
  return router;
}
