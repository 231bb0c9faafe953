import { Router } from 'express';
import { metricsJson } from '../../analytics/metrics/metrics-json.js';

/**
 * `GET /v1/metrics`: the metric dictionary (names, formulas, units). Public: it describes
 * Maidian's definitions, not any site's data, so dashboards and docs can read it without a token.
 */
export function metricRoutes(): Router {
  const router = Router();
  const body = metricsJson();
  router.get('/v1/metrics', (_req, res) => {
    res.json(body);
  });
  return router;
}
