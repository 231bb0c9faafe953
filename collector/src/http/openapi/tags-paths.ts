/** OpenAPI paths of the tag routes (docs/audiences.md), built from the zod schemas they validate with. */
import type { z } from 'zod';
import { CreateTagBody, TagDefinition, UpdateTagBody } from '../../audiences/tag-schema.js';
import { jsonSchemas } from '../../dictionary/schema-components.js';
import { RefreshTagsBody, TagSiteQuery } from '../routes/tag-routes.js';
import { bearer, error, queryParams, ref, type Json } from './openapi-helpers.js';

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const readErrors = { 400: error('Invalid input: each issue has a JSON pointer and what is allowed'), 401: error('Missing or unknown token'), 403: error('Token may not read this site'), 404: error('Unknown site or tag') };
const adminErrors = { 400: error('Invalid input: each issue has a JSON pointer and what is allowed'), 401: error('Not the admin token'), 404: error('Unknown site or tag') };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const body = (schema: string) => ({ required: true, content: { 'application/json': { schema: ref(schema) } } });
const tags = ['audiences'];

const named: Record<string, z.ZodType> = { TagDefinition, CreateTag: CreateTagBody, UpdateTag: UpdateTagBody, RefreshTags: RefreshTagsBody };

/** Component schemas of this area. */
export const schemas: Json = jsonSchemas(named, (s) => `#/components/schemas/${s}`);

/** The paths of this area. */
export const paths: Json = {
  '/v1/tags': {
    get: { summary: 'Tag definitions of a site', tags, security: bearer, parameters: queryParams(TagSiteQuery), responses: { 200: ok('{site, items: [{id, version, name, description, rule}]}'), ...readErrors } },
    post: { summary: 'Create a tag (admin token): attribute, behavior, preference, value or lifecycle', tags, security: bearer, requestBody: body('CreateTag'), responses: { 201: ok('The tag at version 1'), ...adminErrors, 409: error('The id is taken') } },
  },
  '/v1/tags/refresh': {
    post: { summary: 'Refresh tag values now (admin token); incremental where the kind allows unless full', tags, security: bearer, requestBody: body('RefreshTags'), responses: { 200: ok('{site, tags: [{id, version, mode, values, ms}]}'), ...adminErrors } },
  },
  '/v1/tags/{id}': {
    get: { summary: 'One tag with every version and persons per value', tags, security: bearer, parameters: [id, ...queryParams(TagSiteQuery)], responses: { 200: ok('The tag, versions, values [{value, persons, computedAt}]'), ...readErrors } },
    put: { summary: 'Edit a tag (admin token): stores a new version', tags, security: bearer, parameters: [id], requestBody: body('UpdateTag'), responses: { 200: ok('The tag at its new version'), ...adminErrors } },
    delete: { summary: 'Delete a tag with its versions and values (admin token)', tags, security: bearer, parameters: [id, ...queryParams(TagSiteQuery)], responses: { 204: { description: 'Deleted' }, ...adminErrors, 409: error('tag_in_use: audiences use the tag (listed); change them first') } },
  },
  '/v1/persons/{id}/tags': {
    get: { summary: "A person's tag values, each with computedAt", tags, security: bearer, parameters: [id, ...queryParams(TagSiteQuery)], responses: { 200: ok('{site, personId, tags: [{id, name, kind, value, computedAt}]}'), ...readErrors } },
  },
};
