/**
 * The OpenAPI paths of the analytics and administration routes. Each area keeps its paths in its
 * own file beside this one (`<area>-paths.ts`, exporting `paths` and optionally `schemas`), built
 * from the same zod schemas its routes validate with; list it here.
 */
import type { Json } from './openapi-helpers.js';
import * as reports from './report-paths.js';
import * as alerts from './alert-paths.js';
import * as persons from './person-paths.js';
import * as dashboard from './dashboard-paths.js';
import * as funnels from './funnel-paths.js';
import * as tagAreas from './tags-paths.js';
import * as audiences from './audiences-paths.js';

const AREAS: { paths: Json; schemas?: Json }[] = [reports, alerts, persons, dashboard, funnels, tagAreas, audiences];

/** Every area's paths, merged. */
export const REPORT_PATHS: Json = Object.assign({}, ...AREAS.map((a) => a.paths));
/** Every area's component schemas, merged. */
export const REPORT_SCHEMAS: Json = Object.assign({}, ...AREAS.map((a) => a.schemas ?? {}));
