/**
 * OpenAPI paths of the audience, activation, consent and trigger routes (docs/audiences.md),
 * built from the zod schemas they validate with.
 */
import type { z } from 'zod';
import { ExpressionNode } from '../../audiences/audience-expression.js';
import { AudienceDefinition, PreviewAudienceBody, SaveAudienceBody } from '../../audiences/audience-schema.js';
import { SaveTriggerBody } from '../../audiences/trigger-schema.js';
import { jsonSchemas } from '../../dictionary/schema-components.js';
import { AudienceSiteQuery, ConsentBody, LiftQuery, MembersQuery, OverlapQuery } from '../routes/audience-routes.js';
import { RunTriggersBody, TriggerSiteQuery } from '../routes/trigger-routes.js';
import { bearer, error, queryParams, ref, type Json } from './openapi-helpers.js';

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const readErrors = { 400: error('Invalid input: each issue has a JSON pointer and what is allowed'), 401: error('Missing or unknown token'), 403: error('Token may not read this site'), 404: error('Unknown site, audience or trigger') };
const adminErrors = { 400: error('Invalid input: each issue has a JSON pointer and what is allowed'), 401: error('Not the admin token'), 404: error('Unknown site, audience or trigger') };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const body = (schema: string) => ({ required: true, content: { 'application/json': { schema: ref(schema) } } });
const site = queryParams(AudienceSiteQuery);
const tags = ['audiences'];

const named: Record<string, z.ZodType> = {
  AudienceExpressionNode: ExpressionNode, AudienceDefinition, SaveAudience: SaveAudienceBody, PreviewAudience: PreviewAudienceBody,
  Consent: ConsentBody, SaveTrigger: SaveTriggerBody, RunTriggers: RunTriggersBody,
};

/** Component schemas of this area. */
export const schemas: Json = jsonSchemas(named, (s) => `#/components/schemas/${s}`);

/** The paths of this area. */
export const paths: Json = {
  '/v1/audiences/preview': { post: { summary: 'Size of an expression now, before saving', tags, security: bearer, requestBody: body('PreviewAudience'), responses: { 200: ok('{site, size, sample: first 20 person ids}'), ...readErrors, 400: error('Invalid expression, or unknown_tag: a tag the expression names does not exist (pointer to the tag condition)') } } },
  '/v1/audiences': {
    get: { summary: 'Saved audiences of a site (webhook secrets hidden)', tags, security: bearer, parameters: site, responses: { 200: ok('{site, items}'), ...readErrors } },
    post: { summary: 'Save an audience (admin token); the same id replaces the definition; refreshes it at once', tags, security: bearer, requestBody: body('SaveAudience'), responses: { 201: ok('The audience and its first refresh'), ...adminErrors } },
  },
  '/v1/audiences/overlap': { get: { summary: 'Overlap of the current members of two audiences', tags, security: bearer, parameters: queryParams(OverlapQuery), responses: { 200: ok('{a, b, both, onlyA, onlyB, union, jaccard}'), ...readErrors } } },
  '/v1/audiences/{id}': {
    get: { summary: 'One audience with its size history', tags, security: bearer, parameters: [id, ...site], responses: { 200: ok('The audience and sizes [{computedAt, members, holdout, joined, left}]'), ...readErrors } },
    delete: { summary: 'Delete an audience and its membership history (admin token)', tags, security: bearer, parameters: [id, ...site], responses: { 204: { description: 'Deleted' }, ...adminErrors } },
  },
  '/v1/audiences/{id}/refresh': { post: { summary: 'Recompute membership now (admin token)', tags, security: bearer, parameters: [id, ...site], responses: { 200: ok('{members, holdout, joined, left, computedAt}'), ...adminErrors } } },
  '/v1/audiences/{id}/members': { get: { summary: 'Membership spells (joinedAt, leftAt, holdout)', tags, security: bearer, parameters: [id, ...queryParams(MembersQuery)], responses: { 200: ok('{items: [{personId, joinedAt, leftAt, holdout}], total}'), ...readErrors } } },
  '/v1/audiences/{id}/lift': { get: { summary: 'Conversion rate of exported members vs the holdout over a range', tags, security: bearer, parameters: [id, ...queryParams(LiftQuery)], responses: { 200: ok('{exported, holdout: {persons, converted, rate}, absoluteLift, relativeLift}'), ...readErrors } } },
  '/v1/audiences/{id}/export.csv': {
    get: {
      summary: 'Export current members outside the holdout whose consent allows it (admin token)', tags, security: bearer, parameters: [id, ...site],
      responses: { 200: { description: 'CSV: person_id, user_id, then the identity types of the export policy (phone and email as sha256: hashes)', content: { 'text/csv': { schema: { type: 'string' } } } }, ...adminErrors },
    },
  },
  '/v1/audiences/{id}/push': { post: { summary: 'Push members added and removed since the last push to the signed webhook (admin token)', tags, security: bearer, parameters: [id, ...site], responses: { 200: ok('{status: pushed | unchanged, added, removed}'), ...adminErrors, 409: error('The audience has no webhook'), 502: error('The webhook failed; nothing was recorded, the next push sends the same difference') } } },
  '/v1/persons/{id}/consent': { post: { summary: 'Record a consent statement (admin token); the latest by time wins', tags, security: bearer, parameters: [id], requestBody: body('Consent'), responses: { 200: ok('{personId, granted, since}'), ...adminErrors } } },
  '/v1/triggers': {
    get: { summary: 'Triggers of a site (webhook secrets hidden)', tags, security: bearer, parameters: queryParams(TriggerSiteQuery), responses: { 200: ok('{site, items}'), ...readErrors } },
    post: { summary: 'Save a trigger (admin token); the same id replaces it', tags, security: bearer, requestBody: body('SaveTrigger'), responses: { 201: ok('The trigger'), ...adminErrors } },
  },
  '/v1/triggers/run': { post: { summary: 'Scan and deliver triggers now (admin token)', tags, security: bearer, requestBody: body('RunTriggers'), responses: { 200: ok('{triggers: [{id, fired, delivered, failed, suppressed}]}'), ...adminErrors } } },
  '/v1/triggers/{id}': { delete: { summary: 'Delete a trigger and its firings (admin token)', tags, security: bearer, parameters: [id, ...queryParams(TriggerSiteQuery)], responses: { 204: { description: 'Deleted' }, ...adminErrors } } },
  '/v1/triggers/{id}/firings': { get: { summary: 'Latest firings of a trigger with delivery status', tags, security: bearer, parameters: [id, ...queryParams(TriggerSiteQuery)], responses: { 200: ok('{items: [{personId, eventId, status, attempts, deliveredAt}]}'), ...readErrors } } },
};
