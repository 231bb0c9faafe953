/**
 * Ad costs (admin token): `POST /v1/costs` takes JSON rows, `POST /v1/costs/csv` a CSV file.
 * An import is all-or-nothing: with any invalid row nothing is stored and the answer lists every
 * problem (CSV problems by line), so a half-imported month never skews ROI.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { CostImportBodySchema } from '../../costs/cost-row.js';
import { parseCostCsv } from '../../costs/parse-cost-csv.js';
import { validateCostRows, type CostIssue } from '../../costs/validate-cost-rows.js';
import type { AppDeps } from '../app-deps.js';
import { requireAdmin } from '../auth.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';

/** Query of `POST /v1/costs/csv`. */
export const CostCsvQuery = z.object({ site: z.string().min(1) }).strict();

/** The cost import routes. */
export function costRoutes(deps: AppDeps): Router {
  const router = Router();
  router.post('/v1/costs', express.json({ limit: '20mb' }), async (req, res) => {
    requireAdmin(req, deps.config);
    // Shape first (site, rows is an array); then every row, collecting all problems.
    const shape = parseInput(CostImportBodySchema.extend({ rows: z.array(z.unknown()).min(1).max(100_000) }), req.body, 'body');
    knownSite(deps, shape.site, '/site');
    const { rows, issues } = validateCostRows(shape.rows, (i) => ({ base: `/rows/${i}` }));
    if (issues.length) throw invalidRows(issues, 'invalid_body');
    res.json({ site: shape.site, imported: await deps.reports.storeAdCosts(shape.site, rows) });
  });
  router.post('/v1/costs/csv', express.text({ type: ['text/csv', 'text/plain'], limit: '20mb' }), async (req, res) => {
    requireAdmin(req, deps.config);
    const q = parseInput(CostCsvQuery, req.query, 'query');
    knownSite(deps, q.site, '/query/site');
    if (typeof req.body !== 'string') {
      throw new HttpError(415, 'unsupported_media_type', 'send the CSV as the request body with Content-Type text/csv', [{ path: '', message: 'not a CSV body', expected: 'Content-Type: text/csv' }]);
    }
    const { rows, issues } = parseCostCsv(req.body);
    if (issues.length) throw invalidRows(issues, 'invalid_csv');
    res.json({ site: q.site, imported: await deps.reports.storeAdCosts(q.site, rows) });
  });
  return router;
}

function knownSite(deps: AppDeps, site: string, path: string): void {
  if (!deps.sites.get(site)) {
    throw new HttpError(404, 'unknown_site', `no site "${site}" is configured on this collector`, [{ path, message: 'unknown site', expected: 'a site id from the collector config' }]);
  }
}

function invalidRows(issues: CostIssue[], code: string): HttpError {
  const shown = issues.slice(0, 3).map((i) => i.message).join('; ');
  return new HttpError(400, code, `${issues.length} problem(s), nothing was imported: ${shown}${issues.length > 3 ? '; …' : ''}`, issues.map(({ path, message, expected }) => (expected ? { path, message, expected } : { path, message })));
}
