/**
 * OpenAPI paths of the channel, breakdown, time-series, ROI, attribution, cost and metric
 * routes, built from the zod schemas those routes validate with.
 */
import { CostImportBodySchema } from '../../costs/cost-row.js';
import { AttributionCompareQuery, AttributionQuery } from '../routes/attribution-routes.js';
import { CostCsvQuery } from '../routes/cost-routes.js';
import { BreakdownQuery, ChannelReportQuery, RoiQuery, TimeseriesQuery } from '../routes/report-routes.js';
import { bearer, error, inlineJson, queryParams, type Json } from './openapi-helpers.js';

const readErrors = {
  400: error('Invalid query: what was wrong, where (/query/…), what is allowed'),
  401: error('Missing or unknown token'),
  403: error('Token may not read this site'),
  404: error('Unknown site'),
};
const report = (summary: string, query: Parameters<typeof queryParams>[0], answer: string): Json => ({
  get: {
    summary, tags: ['reports'], security: bearer, parameters: queryParams(query),
    responses: { 200: { description: answer, content: { 'application/json': { schema: { type: 'object' } } } }, ...readErrors },
  },
});
const costErrors = {
  400: error('Invalid rows: nothing was stored; every problem is listed (CSV: by line, /lines/<n>/<column>)'),
  401: error('Not the admin token'),
  404: error('Unknown site'),
};
const imported = { description: 'All rows stored', content: { 'application/json': { schema: { type: 'object', properties: { site: { type: 'string' }, imported: { type: 'integer' } } } } } };

/** The paths of this area. */
export const paths: Json = {
  '/v1/metrics': {
    get: { summary: 'The metric dictionary (public)', tags: ['reports'], responses: { 200: { description: 'Metrics with formulas and units', content: { 'application/json': { schema: { type: 'object' } } } } } },
  },
  '/v1/reports/channels': report('Sessions by entry channel, source / medium or campaign', ChannelReportQuery, 'Rows {key, sessions, users, conversions, convertingSessions, conversionRate, revenue[] per currency}'),
  '/v1/reports/breakdown': report('Sessions, users, page views, conversions and revenue by a dimension', BreakdownQuery, 'Rows like the channel report plus pageviews'),
  '/v1/reports/timeseries': report('A metric series in the site time zone (DST-correct buckets, weeks from Monday)', TimeseriesQuery, 'Points {start (local, with offset), startUtc, endUtc, …metrics}'),
  '/v1/reports/roi': report('ROI, ROAS, CPA, CPC and CTR of ad spend against attributed revenue', RoiQuery, 'Rows with cost, attributed revenue and figures per cost currency; unattributed revenue; costs without traffic'),
  '/v1/attribution': report('Credit conversions and revenue (per currency) to touches with one model', AttributionQuery, '{model, rows {key, conversions, revenue[]}, unattributed, totals}; rows + unattributed = totals'),
  '/v1/attribution/compare': report('Every attribution model side by side', AttributionCompareQuery, '{models, rows {key, credits per model}, unattributed, totals}'),
  '/v1/costs': {
    post: { summary: 'Import ad costs as JSON (all or nothing; re-import replaces)', tags: ['costs'], security: bearer, requestBody: { required: true, content: inlineJson(CostImportBodySchema) }, responses: { 200: imported, ...costErrors } },
  },
  '/v1/costs/csv': {
    post: {
      summary: 'Import ad costs as CSV (all or nothing; re-import replaces)', tags: ['costs'], security: bearer, parameters: queryParams(CostCsvQuery),
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string', description: 'Header row: date,source,campaign,cost,currency and optionally medium,impressions,clicks' } } } },
      responses: { 200: imported, ...costErrors, 415: error('Body is not text/csv') },
    },
  },
};
