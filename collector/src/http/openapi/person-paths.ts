/** OpenAPI paths of the person routes: read a person, merge two persons, delete a person. */
import { MergeBodySchema, PersonQuerySchema } from '../routes/person-routes.js';
import { bearer, error, inlineJson, queryParams, type Json } from './openapi-helpers.js';

const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'A user id, or anon:<anonymous id> for a visitor never identified' };
const object = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

/** The paths of this area. */
export const paths: Json = {
  '/v1/persons/{id}': {
    get: {
      summary: "A person's identities, anonymous ids, sessions and first-touch source", tags: ['persons'], security: bearer,
      parameters: [id, ...queryParams(PersonQuerySchema)],
      responses: { 200: object('The person'), 400: error('Invalid query'), 401: error('Missing or unknown token'), 403: error('Token may not read this site'), 404: error('Unknown site or person') },
    },
    delete: {
      summary: "Erase a person's events, sessions, identities, links and quarantined payloads (PIPL / GDPR)", tags: ['persons'], security: bearer,
      parameters: [id, ...queryParams(PersonQuerySchema)],
      responses: { 200: object('Rows deleted, per table'), 400: error('Invalid query'), 401: error('Not the admin token'), 404: error('Unknown site or person') },
    },
  },
  '/v1/persons/merge': {
    post: {
      summary: 'Merge two persons explicitly (never done automatically)', tags: ['persons'], security: bearer,
      requestBody: { required: true, content: inlineJson(MergeBodySchema) },
      responses: { 200: object('The merge and the refresh it caused'), 400: error('Invalid body'), 401: error('Not the admin token'), 404: error('Unknown site or person'), 409: error('from is identified more strongly than into: swap them') },
    },
  },
};
