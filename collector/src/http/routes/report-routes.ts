/**
 * Reports over sessions (read token of the site): channels, breakdowns by a dimension, time
 * series in the site time zone, and ROI of ad spend. Every report first brings the derived
 * sessions and persons up to date (cheap when nothing changed).
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { MODEL_IDS, type ModelId } from '../../analytics/attribution/index.js';
import type { SiteRuntime } from '../../config/site-registry.js';
import { NAME_PATTERN } from '../../dictionary/events.js';
import { DateOrDateTime } from '../../storage/sqlite/analytics/funnels/funnel-definition.js';
import { SESSION_DIMENSIONS, type Dimension, type GroupFigures, type SessionDimension, type SessionFilters } from '../../storage/sqlite/analytics/channels/get-breakdown.js';
import { CHANNEL_GROUPINGS } from '../../storage/sqlite/analytics/channels/get-channel-report.js';
import { INTERVALS, localDate } from '../../storage/sqlite/analytics/timeseries/time-buckets.js';
import { SERIES_METRICS } from '../../storage/sqlite/analytics/timeseries/get-timeseries.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';
import { readableSite, reportRange, type ReportRange } from './funnel-routes.js';

const Range = {
  site: z.string().min(1),
  from: DateOrDateTime,
  to: DateOrDateTime,
};

/** Query of `GET /v1/reports/channels`. */
/**
 * Session filters as query parameters, one per dimension: `filter_channel=Paid Search`, repeated
 * for several allowed values (`filter_device_type=mobile&filter_device_type=tablet`). Different
 * dimensions combine with AND.
 */
const FilterValue = z.union([z.string().max(256), z.array(z.string().max(256)).min(1).max(50)]);
const SessionFilterParams = Object.fromEntries(
  SESSION_DIMENSIONS.map((d) => [`filter_${d}`, FilterValue.optional().meta({ description: `Only sessions whose ${d} is this value (repeat for several)` })]),
) as Record<`filter_${SessionDimension}`, z.ZodOptional<typeof FilterValue>>;

/** The session filters of a parsed query. */
function sessionFilters(q: Partial<Record<`filter_${SessionDimension}`, string | string[]>>): SessionFilters {
  return Object.fromEntries(SESSION_DIMENSIONS.flatMap((d) => (q[`filter_${d}`] === undefined ? [] : [[d, q[`filter_${d}`]!]])));
}

export const ChannelReportQuery = z.object({ ...Range, by: z.enum(CHANNEL_GROUPINGS).default('channel'), ...SessionFilterParams }).strict();

const PROPERTY_DIMENSION = new RegExp(`^prop:${NAME_PATTERN.source.slice(1, -1)}$`);
/** Query of `GET /v1/reports/breakdown`. */
export const BreakdownQuery = z
  .object({
    ...Range,
    ...SessionFilterParams,
    dimension: z.union([z.enum(SESSION_DIMENSIONS), z.string().max(69).regex(PROPERTY_DIMENSION, 'must be prop:<name> with a property name (a letter or _, then letters, digits, _ . $ -)')])
      .meta({ description: `${SESSION_DIMENSIONS.join(' | ')} | prop:<name>` }),
    metric: z.enum(['sessions', 'users', 'pageviews', 'conversions', 'conversion_rate', 'revenue']).default('sessions').meta({ description: 'Sort rows by this metric, largest first' }),
    currency: z.string().regex(/^[A-Z]{3}$/).optional().meta({ description: 'With metric=revenue: the currency to sort by (currencies are never added)' }),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

/** Query of `GET /v1/reports/timeseries`. */
export const TimeseriesQuery = z
  .object({
    ...Range,
    interval: z.enum(INTERVALS).default('day'),
    metrics: z.string().default(SERIES_METRICS.join(','))
      .transform((s) => s.split(',').map((m) => m.trim()))
      .pipe(z.array(z.enum(SERIES_METRICS)).min(1))
      .meta({ description: `Comma-separated: ${SERIES_METRICS.join(', ')}` }),
  })
  .strict();

/** Query of `GET /v1/reports/roi`. */
export const RoiQuery = z
  .object({
    ...Range,
    model: z.enum(MODEL_IDS as [ModelId, ...ModelId[]]).default('last_non_direct'),
    by: z.enum(['channel', 'campaign']).default('campaign'),
    lookback_days: z.coerce.number().int().min(1).max(365).default(30),
    half_life_days: z.coerce.number().positive().max(365).default(7),
  })
  .strict();

/** The report routes. */
export function reportRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/reports/channels', async (req, res) => {
    const q = parseInput(ChannelReportQuery, req.query, 'query');
    const { site, range } = openReport(req, deps, q);
    res.json({ ...echo(site, q, range), by: q.by, rows: await deps.reports.channels({ site: q.site, from: range.start, to: range.end, by: q.by, filters: sessionFilters(q) }) });
  });
  router.get('/v1/reports/breakdown', async (req, res) => {
    const q = parseInput(BreakdownQuery, req.query, 'query');
    if (q.metric === 'revenue' && !q.currency) {
      throw new HttpError(400, 'invalid_query', 'sorting by revenue needs the currency to sort by, since currencies are never added', [{ path: '/query/currency', message: 'required with metric=revenue', expected: 'an ISO 4217 code, e.g. CNY' }]);
    }
    const filters = sessionFilters(q);
    if (q.dimension.startsWith('prop:') && Object.keys(filters).length > 0) {
      throw new HttpError(400, 'invalid_query', 'session filters apply to session dimensions, not to prop:<name>', [{ path: '/query/dimension', message: 'filters given with a property dimension', expected: SESSION_DIMENSIONS.join(' | ') }]);
    }
    const { site, range } = openReport(req, deps, q);
    const rows = await deps.reports.breakdown({ site: q.site, from: range.start, to: range.end, dimension: q.dimension as Dimension, filters });
    res.json({ ...echo(site, q, range), dimension: q.dimension, metric: q.metric, rows: sortRows(rows, q.metric, q.currency).slice(0, q.limit) });
  });
  router.get('/v1/reports/timeseries', async (req, res) => {
    const q = parseInput(TimeseriesQuery, req.query, 'query');
    const { site, range } = openReport(req, deps, q);
    let points;
    try {
      points = await deps.reports.timeseries({ site: q.site, from: range.start, to: range.end, interval: q.interval, timeZone: site.config.timezone, metrics: q.metrics });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      throw new HttpError(400, 'invalid_query', `${err.message}; choose a larger interval or a shorter range`, [{ path: '/query/interval', message: err.message, expected: 'a range of at most 5000 buckets' }]);
    }
    res.json({ ...echo(site, q, range), interval: q.interval, metrics: q.metrics, points });
  });
  router.get('/v1/reports/roi', async (req, res) => {
    const q = parseInput(RoiQuery, req.query, 'query');
    const { site, range } = openReport(req, deps, q);
    const tz = site.config.timezone;
    const days = { fromDate: localDate(range.start, tz), toDate: localDate(range.end - 1, tz) };
    const report = await deps.reports.roi({
      site: q.site, from: range.start, to: range.end, ...days, model: q.model, by: q.by, lookbackDays: q.lookback_days, halfLifeDays: q.half_life_days,
    });
    res.json({ ...echo(site, q, range), costDays: days, model: q.model, by: q.by, ...report });
  });
  return router;
}

/**
 * Authorizes the read (read token of the site) and resolves the range in the site time zone. The
 * engine's report then refreshes derived sessions and persons, so it sees every event so far.
 */
export function openReport(req: Request, deps: AppDeps, q: { site: string; from: string; to: string }): { site: SiteRuntime; range: ReportRange } {
  const site = readableSite(req, deps, q.site, '/query');
  const range = reportRange(q.from, q.to, site.config.timezone, '/query');
  return { site, range };
}

/** The part of every report answer that says what was asked. */
export function echo(site: SiteRuntime, q: { from: string; to: string }, range: ReportRange) {
  return { site: site.config.id, from: q.from, to: q.to, range: range.echo };
}

function sortRows(rows: GroupFigures[], metric: string, currency?: string): GroupFigures[] {
  const value = (r: GroupFigures): number => {
    if (metric === 'revenue') return r.revenue.find((m) => m.currency === currency)?.amount ?? 0;
    if (metric === 'conversion_rate') return r.conversionRate ?? -1;
    return r[metric as 'sessions' | 'users' | 'pageviews' | 'conversions'];
  };
  return [...rows].sort((a, b) => value(b) - value(a) || String(a.key).localeCompare(String(b.key)));
}
