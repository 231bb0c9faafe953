/**
 * What the HTTP API does on an engine that lacks a feature. The reports, saved funnels, alerts,
 * tags, audiences, triggers and campaign reviews run on both engines (their definitions and
 * history in the metadata database); the persons API (lookup, merge, delete) is not available on
 * ClickHouse yet: there it answers 501 with what is available, rather than reading an empty
 * database.
 */
import { Router } from 'express';
import { HttpError } from './http-error.js';

/** Path prefixes of the route groups that need the SQLite engine. */
export const SQLITE_ONLY_PATHS = ['/v1/persons'];

const ON_CLICKHOUSE = 'ingest, quarantine and replay, the summary, channels, breakdowns, time series, live count, ad-hoc and saved funnels, retention, RFM, AIPL, attribution, ad costs and ROI, alerts, tags and audiences (with a person’s tags and consent), triggers, campaigns and their reviews';

/** The 501 answer for a feature the ClickHouse engine does not have yet. */
export function notOnClickHouse(feature: string): HttpError {
  return new HttpError(501, 'not_available_on_clickhouse',
    `${feature} is not available on the ClickHouse engine yet; it runs on the embedded SQLite engine (MAIDIAN_STORE=sqlite). On ClickHouse: ${ON_CLICKHOUSE}.`);
}

/** Answers 501 under every SQLite-only path (mounted instead of those routes on ClickHouse). */
export function sqliteOnlyRoutes(): Router {
  const router = Router();
  for (const prefix of SQLITE_ONLY_PATHS) {
    router.use(prefix, (req) => {
      throw notOnClickHouse(`${req.method} ${req.baseUrl}${req.path === '/' ? '' : req.path}`);
    });
  }
  return router;
}
