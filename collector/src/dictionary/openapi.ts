/**
 * The OpenAPI 3.1 document of the collector, built from the same zod schemas that validate
 * requests, so the API reference cannot drift from the code. Served at `GET /openapi.json` and
 * written to docs/schema/openapi.json by `npm run gen`.
 */
import { API_SCHEMAS, jsonSchemas, WIRE_SCHEMAS } from './schema-components.js';
import { QuarantineQuerySchema, SummaryQuerySchema } from '../http/api-schemas.js';
import { bearer, error, json, queryParams, ref, type Json } from '../http/openapi/openapi-helpers.js';
import { REPORT_PATHS, REPORT_SCHEMAS } from '../http/openapi/index.js';

const ingestResponses = {
  200: { description: 'Per-event results, after the events were committed', content: json('IngestResponse') },
  400: error('Body is not JSON or the envelope is invalid (the body is kept in the quarantine)'),
  401: error('Missing or wrong write key'),
  403: error('Browser origin not allowed for the site'),
  404: error('Unknown site'),
  413: error('Body larger than 512 KB'),
};

const preflight = { summary: 'CORS preflight', tags: ['ingest'], responses: { 204: { description: 'Origin allowed' }, 403: error('Origin not allowed by any site') } };

/** Builds the OpenAPI 3.1 document. */
export function buildOpenApi(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Maidian collector', version: '0.1.0', description: 'Event ingest, quarantine and reports of Maidian (埋点).', license: { name: 'MIT' } },
    components: {
      schemas: { ...jsonSchemas({ ...WIRE_SCHEMAS, ...API_SCHEMAS }, (id) => `#/components/schemas/${id}`), ...REPORT_SCHEMAS },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Read token (reports) or admin token (administration)' } } },
    paths: {
      '/v1/batch': {
        post: {
          summary: 'Send a batch of events', tags: ['ingest'],
          requestBody: { required: true, content: { 'application/json': { schema: ref('Batch') }, 'text/plain': { schema: { type: 'string', description: 'The same JSON, sent as text/plain by sendBeacon' } } } },
          responses: ingestResponses,
        },
        options: preflight,
      },
      '/v1/event': {
        post: { summary: 'Send one event', tags: ['ingest'], requestBody: { required: true, content: json('SingleEvent') }, responses: ingestResponses },
        options: preflight,
      },
      '/v1/stats/summary': {
        get: {
          summary: 'Headline figures of a site', tags: ['reports'], security: bearer, parameters: queryParams(SummaryQuerySchema),
          responses: { 200: { description: 'Summary', content: json('Summary') }, 400: error('Invalid query'), 401: error('Missing or unknown token'), 403: error('Token may not read this site'), 404: error('Unknown site') },
        },
      },
      '/v1/quarantine': {
        get: {
          summary: 'List quarantined events', tags: ['quarantine'], security: bearer, parameters: queryParams(QuarantineQuerySchema),
          responses: { 200: { description: 'Quarantined events, newest first', content: json('QuarantineList') }, 400: error('Invalid query'), 401: error('Missing or unknown token'), 403: error('Token may not read this site') },
        },
      },
      '/v1/quarantine/replay': {
        post: {
          summary: 'Re-validate open quarantined events against the current dictionary', tags: ['quarantine'], security: bearer,
          requestBody: { required: true, content: json('ReplayRequest') },
          responses: { 200: { description: 'Counts of the replay', content: json('ReplayReport') }, 400: error('Invalid body'), 401: error('Not the admin token'), 404: error('Unknown site'), 409: error('The dictionary file is invalid') },
        },
      },
      '/v1/dictionary/{site}': {
        get: {
          summary: 'The loaded site dictionary', tags: ['dictionary'], security: bearer,
          parameters: [{ name: 'site', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'Site dictionary', content: json('SiteDictionary') }, 401: error('Missing or unknown token'), 403: error('Token may not read this site'), 404: error('Unknown site') },
        },
      },
      '/healthz': { get: { summary: 'Health: the database answers', tags: ['service'], responses: { 200: { description: 'Healthy', content: json('Health') }, 503: { description: 'Database unreachable', content: json('Health') } } } },
      '/maidian.js': { get: { summary: 'The script-tag SDK', tags: ['service'], responses: { 200: { description: 'JavaScript', content: { 'text/javascript': { schema: { type: 'string' } } } }, 404: error('SDK not built') } } },
      ...REPORT_PATHS,
      '/openapi.json': { get: { summary: 'This document', tags: ['service'], responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } } } },
    },
  };
}
