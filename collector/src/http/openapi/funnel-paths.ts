/**
 * OpenAPI entries of the funnel, retention, RFM and AIPL routes, for the document built in
 * dictionary/openapi.ts: merge {@link FUNNEL_API_SCHEMAS} into the components and
 * {@link funnelPaths} into the paths. Request shapes come from the zod schemas that validate them.
 */
import type { z } from 'zod';
import { jsonSchemas } from '../../dictionary/schema-components.js';
import { bearer, error, queryParams, ref } from './openapi-helpers.js';
import { FunnelDefinition, FunnelQueryBody } from '../../storage/sqlite/analytics/funnels/funnel-definition.js';
import { AiplQuerySchema } from '../routes/aipl-routes.js';
import { SaveFunnelBody, SavedFunnelResultQuery, SiteQuery } from '../routes/funnel-routes.js';
import { RetentionQuerySchema } from '../routes/retention-routes.js';
import { RfmQuerySchema } from '../routes/rfm-routes.js';

type Json = Record<string, unknown>;

/** Named request schemas for `#/components/schemas`. */
export const FUNNEL_API_SCHEMAS: Record<string, z.ZodType> = {
  FunnelQuery: FunnelQueryBody,
  FunnelDefinition,
  SaveFunnel: SaveFunnelBody,
};

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const readErrors = { 400: error('Invalid input: each issue has a JSON pointer and what is allowed'), 401: error('Missing or unknown token'), 403: error('Token may not read this site'), 404: error('Unknown site') };
const adminErrors = { 400: error('Invalid input'), 401: error('Not the admin token'), 404: error('Unknown site or funnel') };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Component schemas of this area. */
export const schemas: Json = jsonSchemas(FUNNEL_API_SCHEMAS, (id) => `#/components/schemas/${id}`);

/** The paths of this area. */
export const paths: Json = funnelPaths();

function funnelPaths(): Record<string, Json> {
  return {
    '/v1/funnels/query': {
      post: {
        summary: 'Run a funnel (window funnel per person or session, ClickHouse semantics)', tags: ['reports'], security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: ref('FunnelQuery') } } },
        responses: { 200: ok('Per step: entrants, conversion from step 1 and from the previous step, drop-off, median time to convert; per breakdown value when asked'), ...readErrors },
      },
    },
    '/v1/funnels': {
      get: { summary: 'List saved funnels', tags: ['reports'], security: bearer, parameters: queryParams(SiteQuery), responses: { 200: ok('Saved funnels, most recently changed first'), ...readErrors } },
      post: {
        summary: 'Save a funnel (admin token); the same id replaces it', tags: ['reports'], security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: ref('SaveFunnel') } } },
        responses: { 201: ok('The saved funnel with its id'), ...adminErrors },
      },
    },
    '/v1/funnels/{id}/result': {
      get: { summary: 'Run a saved funnel over a range', tags: ['reports'], security: bearer, parameters: [idParam, ...queryParams(SavedFunnelResultQuery)], responses: { 200: ok('As POST /v1/funnels/query, with the id and name'), ...readErrors } },
    },
    '/v1/funnels/{id}': {
      delete: { summary: 'Delete a saved funnel (admin token)', tags: ['reports'], security: bearer, parameters: [idParam, ...queryParams(SiteQuery)], responses: { 204: { description: 'Deleted' }, ...adminErrors } },
    },
    '/v1/reports/retention': {
      get: { summary: 'Retention by cohort (first visit or signup), per day or ISO week', tags: ['reports'], security: bearer, parameters: queryParams(RetentionQuerySchema), responses: { 200: ok('Cohorts with size, retained persons and rates per period, and the average'), ...readErrors } },
    },
    '/v1/reports/rfm': {
      get: { summary: 'RFM scores (quintiles) and segments of converting persons', tags: ['reports'], security: bearer, parameters: queryParams(RfmQuerySchema), responses: { 200: ok('Segment distribution and a page of scored persons'), ...readErrors } },
    },
    '/v1/reports/aipl': {
      get: { summary: 'AIPL stages (awareness, interest, purchase, loyalty) of active persons', tags: ['reports'], security: bearer, parameters: queryParams(AiplQuerySchema), responses: { 200: ok('Persons per highest stage, and the rules used'), ...readErrors } },
    },
  };
}
