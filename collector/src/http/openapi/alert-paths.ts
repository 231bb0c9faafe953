/**
 * OpenAPI paths of the alert and campaign routes (docs/alerts.md, docs/campaign-review.md), with
 * the request bodies as component schemas built from the zod schemas the routes validate with.
 * To include them, add this module to AREAS in ./index.ts.
 */
import type { z } from 'zod';
import { alertRuleSchema } from '../../alerts/alert-rule.js';
import { AlertConditionSchema } from '../../alerts/conditions/condition-schema.js';
import { EvaluationQuery, EventQuery, IncidentActionBody, IncidentQuery, PreviewBody, SiteQuery } from '../../alerts/api/alert-api-schemas.js';
import { alertableMetrics, isAlertableMetric } from '../../alerts/metrics/engine-metric-source.js';
import { CampaignSchema } from '../../campaigns/campaign-schema.js';
import { bearer, error, jsonSchemas, queryParams, ref, type Json } from './alert-openapi-helpers.js';

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const readErrors = { 400: error('Invalid input: each issue has a JSON pointer and what is allowed'), 401: error('Missing or unknown token'), 403: error('Token may not read this site'), 404: error('Unknown site, rule, incident or campaign') };
const adminErrors = { 400: error('Invalid input: each issue has a JSON pointer and what is allowed'), 401: error('Not the admin token'), 404: error('Unknown site, rule, incident or campaign') };
const id = (name = 'id') => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const body = (schema: string) => ({ required: true, content: { 'application/json': { schema: ref(schema) } } });
const tags = ['alerts'];
const ctags = ['campaigns'];

const named: Record<string, z.ZodType> = {
  AlertRule: alertRuleSchema(isAlertableMetric, alertableMetrics),
  AlertCondition: AlertConditionSchema,
  AlertPreview: PreviewBody,
  IncidentAction: IncidentActionBody,
  Campaign: CampaignSchema,
};

/** Component schemas of this area. */
export const schemas: Json = jsonSchemas(named, (s) => `#/components/schemas/${s}`);

/** The paths of this area. */
export const paths: Json = {
  '/v1/alerts/metrics': { get: { summary: 'Metrics alerts can watch (metric dictionary and data quality)', tags, responses: { 200: ok('{metrics: [{id, name, unit, direction, description}]}') } } },
  '/v1/alerts/rules': {
    get: { summary: 'Alert rules of a site with their state (channel secrets only for the admin token)', tags, security: bearer, parameters: queryParams(SiteQuery), responses: { 200: ok('{rules}'), ...readErrors } },
    post: { summary: 'Create an alert rule (admin token)', tags, security: bearer, requestBody: body('AlertRule'), responses: { 201: ok('The rule with its id'), ...adminErrors } },
  },
  '/v1/alerts/rules/{id}': {
    get: { summary: 'One rule with its state', tags, security: bearer, parameters: [id()], responses: { 200: ok('The rule'), ...readErrors } },
    put: { summary: 'Replace a rule (admin token)', tags, security: bearer, parameters: [id()], requestBody: body('AlertRule'), responses: { 200: ok('The rule'), ...adminErrors } },
    delete: { summary: 'Delete a rule (admin token); its history stays', tags, security: bearer, parameters: [id()], responses: { 204: { description: 'Deleted' }, ...adminErrors } },
  },
  '/v1/alerts/rules/{id}/evaluations': { get: { summary: 'Evaluations of a rule, one per slot', tags, security: bearer, parameters: [id(), ...queryParams(EvaluationQuery)], responses: { 200: ok('{evaluations}'), ...readErrors } } },
  '/v1/alerts/preview': { post: { summary: 'When a rule would have fired over the last days (at most 2000 slots)', tags, security: bearer, requestBody: body('AlertPreview'), responses: { 200: ok('{from, to, slots, truncated, outcomes, firings, recoveries}'), ...readErrors } } },
  '/v1/alerts': { get: { summary: 'Incidents of a site, newest first', tags, security: bearer, parameters: queryParams(IncidentQuery), responses: { 200: ok('{incidents}'), ...readErrors } } },
  '/v1/alerts/events': { get: { summary: 'Lifecycle history: fired, acknowledged, resolved, recovered', tags, security: bearer, parameters: queryParams(EventQuery), responses: { 200: ok('{events}'), ...readErrors } } },
  '/v1/alerts/events/{seq}/deliveries': { get: { summary: 'Every delivery attempt of an event', tags, security: bearer, parameters: [id('seq')], responses: { 200: ok('{deliveries}'), ...readErrors } } },
  '/v1/alerts/{id}/ack': { post: { summary: 'Acknowledge a firing incident (admin token)', tags, security: bearer, parameters: [id()], requestBody: body('IncidentAction'), responses: { 200: ok('The incident'), 409: error('Not firing'), ...adminErrors } } },
  '/v1/alerts/{id}/resolve': { post: { summary: 'Resolve an open incident by hand (admin token)', tags, security: bearer, parameters: [id()], requestBody: body('IncidentAction'), responses: { 200: ok('The incident'), 409: error('Already resolved'), ...adminErrors } } },
  '/v1/campaigns': {
    get: { summary: 'Campaigns of a site', tags: ctags, security: bearer, parameters: queryParams(SiteQuery), responses: { 200: ok('{campaigns}'), ...readErrors } },
    post: { summary: 'Create a campaign (admin token)', tags: ctags, security: bearer, requestBody: body('Campaign'), responses: { 201: ok('The campaign with its id'), ...adminErrors } },
  },
  '/v1/campaigns/{id}': {
    get: { summary: 'One campaign', tags: ctags, security: bearer, parameters: [id()], responses: { 200: ok('The campaign'), ...readErrors } },
    put: { summary: 'Replace a campaign (admin token)', tags: ctags, security: bearer, parameters: [id()], requestBody: body('Campaign'), responses: { 200: ok('The campaign'), ...adminErrors } },
    delete: { summary: 'Delete a campaign (admin token)', tags: ctags, security: bearer, parameters: [id()], responses: { 204: { description: 'Deleted' }, ...adminErrors } },
  },
  '/v1/campaigns/{id}/review': { post: { summary: 'Write a new review version now (admin token)', tags: ctags, security: bearer, parameters: [id()], responses: { 201: ok('{campaignId, version, json, html}'), ...adminErrors } } },
  '/v1/campaigns/{id}/reviews': { get: { summary: 'Review versions of a campaign', tags: ctags, security: bearer, parameters: [id()], responses: { 200: ok('{reviews: [{version, createdAt, trigger}]}'), ...readErrors } } },
  '/v1/campaigns/{id}/reviews/{file}': {
    get: {
      summary: 'A review: `<version>` as JSON, `<version>.html?lang=zh|en` as a self-contained page', tags: ctags, security: bearer,
      parameters: [id(), id('file'), { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['zh', 'en'], default: 'zh' } }],
      responses: { 200: { description: 'The review', content: { 'application/json': { schema: { type: 'object' } }, 'text/html': { schema: { type: 'string' } } } }, ...readErrors },
    },
  },
};
