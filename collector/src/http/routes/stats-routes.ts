import { Router } from 'express';
import { resolveRange } from '../../time/zoned-time.js';
import { SummaryQuerySchema } from '../api-schemas.js';
import type { AppDeps } from '../app-deps.js';
import { requireRead } from '../auth.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';

/** `GET /v1/stats/summary`: headline figures of a site over a range (read token). */
export function statsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/stats/summary', async (req, res) => {
    const q = parseInput(SummaryQuerySchema, req.query, 'query');
    // Authorize before looking the site up, so strangers cannot probe which sites exist.
    requireRead(req, deps.config, q.site);
    const site = deps.sites.get(q.site);
    if (!site) throw new HttpError(404, 'unknown_site', `no site "${q.site}" is configured on this collector`, [{ path: '/query/site', message: 'unknown site', expected: 'a site id from the collector config' }]);
    const timezone = site.config.timezone;
    const { start, end } = resolveRange(q.from, q.to, timezone);
    if (end <= start) {
      throw new HttpError(400, 'invalid_query', `the range is empty: "to" (${q.to}) must be after "from" (${q.from})`, [{ path: '/query/to', message: 'must be after from', expected: `a date or instant after ${q.from}` }]);
    }
    const figures = await deps.store.summary({ site: q.site, from: start, to: end, limit: q.limit });
    res.json({
      site: q.site,
      from: q.from,
      to: q.to,
      range: { start: new Date(start).toISOString(), end: new Date(end).toISOString(), timezone },
      ...figures,
    });
  });
  return router;
}
