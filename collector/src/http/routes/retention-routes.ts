import { Router } from 'express';
import { z } from 'zod';
import { NAME_PATTERN } from '../../dictionary/events.js';
import { periodCount } from '../../storage/sqlite/analytics/retention/period-bounds.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';
import { readableSite } from './funnel-routes.js';

const Day = z.iso.date().meta({ description: 'A day in the site time zone, YYYY-MM-DD' });
const EventName = z.string().max(64).regex(NAME_PATTERN, 'must be an event name: a letter or _, then letters, digits, _ . $ -');
const MAX_COHORTS = { day: 366, week: 104 } as const;

/** Query of `GET /v1/reports/retention`. */
export const RetentionQuerySchema = z
  .object({
    site: z.string().min(1),
    from: Day.meta({ description: 'First cohort: the period containing this day' }),
    to: Day.meta({ description: 'Last cohort: the period containing this day' }),
    cohort: z.enum(['first_visit', 'signup']).default('first_visit').meta({ description: "first_visit: the person's first event; signup: their first signup_event" }),
    signup_event: EventName.default('signup'),
    period: z.enum(['day', 'week']).default('day').meta({ description: 'Cohort and return periods; weeks start on Monday' }),
    return_event: EventName.optional().meta({ description: 'The event that counts as a return; default any event' }),
    periods: z.coerce.number().int().min(1).max(60).default(8).meta({ description: 'Periods per cohort, the cohort period (0) included' }),
  })
  .strict();

/** `GET /v1/reports/retention` (read token): cohorts by first visit or signup, returns per period. */
export function retentionRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/reports/retention', async (req, res) => {
    const q = parseInput(RetentionQuerySchema, req.query, 'query');
    const site = readableSite(req, deps, q.site, '/query');
    checkCohortCount(q.from, q.to, q.period);
    const report = await deps.reports.retention({
      site: q.site, timeZone: site.config.timezone, from: q.from, to: q.to, cohort: q.cohort, signupEvent: q.signup_event,
      period: q.period, returnEvent: q.return_event ?? null, periods: q.periods,
    });
    res.json({
      site: q.site, from: q.from, to: q.to, timezone: site.config.timezone, cohort: q.cohort,
      ...(q.cohort === 'signup' ? { signupEvent: q.signup_event } : {}),
      period: q.period, returnEvent: q.return_event ?? null, periods: q.periods, ...report,
    });
  });
  return router;
}

function checkCohortCount(from: string, to: string, period: 'day' | 'week'): void {
  if (to < from) {
    throw new HttpError(400, 'invalid_query', `"to" (${to}) is before "from" (${from})`, [{ path: '/query/to', message: 'before from', expected: `a day on or after ${from}` }]);
  }
  const n = periodCount(from, to, period);
  if (n > MAX_COHORTS[period]) {
    throw new HttpError(400, 'invalid_query', `the range holds ${n} ${period} cohorts; at most ${MAX_COHORTS[period]} are allowed`, [
      { path: '/query/to', message: 'range too long', expected: `at most ${MAX_COHORTS[period]} ${period}s after from` },
    ]);
  }
}
